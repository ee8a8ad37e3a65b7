using System.Collections.Immutable;

using Google.OrTools.LinearSolver;

using Logistics.Network.IO;
using Logistics.Network.Loading;
using Logistics.Network.Model;
using Logistics.Optimisation.Model;
using Logistics.Optimisation.Stochastic;

namespace Logistics.Optimisation.Tests;

/// <summary>
/// A model kept across draws and refitted (coefficients, bounds, right-hand sides changed in place) gives what a fresh
/// build gives: the same model text, objective within 1e-9 relative and the same builds, on snapshots of the default
/// network whose figures differ (its scenarios), one-period and over time.
/// </summary>
public sealed class ResolvableModelTests
{
    private static readonly string Root = FindRoot();

    /// <summary>Scenarios of the default network that change figures only (no element added or removed).</summary>
    private static readonly string[] FigureScenarios = ["phase2", "capex-overrun", "high-rail-tariff", "low-rail-tariff", "low-discount-rate", "high-discount-rate", "security-surcharge", "phase2-high-rail-tariff"];

    private static readonly string[] TimelineScenarios = ["capex-overrun", "high-rail-tariff", "low-rail-tariff", "low-discount-rate", "high-discount-rate", "security-surcharge"];

    [Fact]
    public void A_kept_model_refitted_to_each_scenario_in_turn_is_the_model_a_fresh_build_gives_and_solves_the_same()
    {
        var central = Load("chagai.network.json", null);
        using var kept = ResolvableModel.Create(central, Settings)!;
        var hint = kept.Solve(central).Builds.ToImmutableDictionary(b => b.Id, b => b.Built);

        // Three rounds: a kept model must stay right after many refits, not only after one.
        foreach (var scenario in FigureScenarios.Concat(FigureScenarios).Concat(FigureScenarios))
        {
            var variant = Load("chagai.network.json", scenario);
            var result = kept.Solve(variant, hint);

            using var fresh = Solver.CreateSolver("SCIP")!;
            ModelBuilder.Build(variant, fresh, integerBuilds: true);
            Assert.Equal(fresh.ExportModelAsLpFormat(false), kept.ExportLp());
            AssertSame(new NetworkOptimiser().Solve(variant, Settings), result, scenario);
        }

        Assert.Equal(0, kept.Rebuilds);
        Assert.Equal(0, kept.Resets);
    }

    [Fact]
    public void A_kept_plan_over_time_refitted_to_each_scenario_solves_as_a_fresh_build_does()
    {
        var central = Load("chagai-timeline.network.json", null);
        using var kept = ResolvableModel.Create(central, Settings)!;
        AssertSame(new NetworkOptimiser().Solve(central, Settings), kept.Solve(central), "central");

        foreach (var scenario in TimelineScenarios.Concat(TimelineScenarios))
        {
            var variant = Load("chagai-timeline.network.json", scenario);
            AssertSame(new NetworkOptimiser().Solve(variant, Settings), kept.Solve(variant), scenario);
        }

        Assert.Equal(0, kept.Rebuilds);
        Assert.Equal(0, kept.Resets);
    }

    [Fact]
    public void A_snapshot_of_another_shape_is_built_afresh_and_counted()
    {
        var central = Load("chagai.network.json", null);
        var closed = Load("chagai.network.json", "bolan-closed");
        using var kept = ResolvableModel.Create(central, Settings)!;

        var result = kept.Solve(closed);

        AssertSame(new NetworkOptimiser().Solve(closed, Settings), result, "bolan-closed");
        Assert.Equal(1, kept.Rebuilds);
    }

    [Theory]
    [InlineData("a port's capacity going from unlimited to 210")]
    [InlineData("a port closed whose option added capacity")]
    [InlineData("a link's capacity going from unlimited to 210")]
    [InlineData("an option that stops adding capacity")]
    public void A_snapshot_whose_capacity_rows_differ_is_built_afresh_and_answers_as_a_fresh_build(string change)
    {
        // 1000 t that earn 10/t over two links at 1/t each: whatever capacity is left is used in full, so the
        // delivered tonnes show which capacity the model saw (210 here, 1000 on a model that kept the old rows).
        var (central, variant) = change switch
        {
            "a port's capacity going from unlimited to 210" => (Outlet(null), Outlet(210)),
            "a port closed whose option added capacity" => (Outlet(210, portOption: 790), FigureChangeSet.Of(new PortClosed(new NodeId("p"))).ApplyTo(Outlet(210, portOption: 790))),
            "a link's capacity going from unlimited to 210" => (Outlet(null, linkCapacity: null), Outlet(null, linkCapacity: 210)),
            _ => (Outlet(null, linkCapacity: 210, linkOption: 790), Outlet(null, linkCapacity: 210)),
        };
        using var kept = ResolvableModel.Create(central, Settings)!;
        kept.Solve(central);

        var result = kept.Solve(variant);

        var fresh = new NetworkOptimiser().Solve(variant, Settings);
        Assert.Equal(Delivered(fresh), Delivered(result), 6);
        AssertSame(fresh, result, change);
        Assert.Equal(1, kept.Rebuilds);
    }

    /// <summary>Mine m (1000 t, may leave output behind) → port p → market k (10/t), optionally a capacity or an option on the way.</summary>
    private static NetworkSnapshot Outlet(double? portCapacity, double? linkCapacity = null, double linkOption = 0, double portOption = 0)
    {
        var network = TestNetwork.Create().Mine("m", "ore", 1000, allowUnshipped: true).Port("p", portCapacity).Market("k", "ore", price: 10)
            .Link("in", "m", "p", perTonne: 1, capacity: linkCapacity).Link("out", "p", "k", perTonne: 1);
        if (linkOption > 0)
            network.Option("x", 1, addToLink: "in", added: linkOption, decision: BuildDecision.ForcedIn);
        if (portOption > 0)
            network.Option("x", 1, addToPort: "p", added: portOption, decision: BuildDecision.ForcedIn);
        return network.Build();
    }

    private static double Delivered(OptimisationResult result) => result.LinkFlows.Single(f => f.Link.Value == "out").TotalTpy;

    [Fact]
    public void A_fixed_schedule_holds_each_option_in_service_from_its_year_exactly()
    {
        var central = Load("chagai-timeline.network.json", null);
        using var kept = ResolvableModel.Create(central, Settings)!;
        var free = kept.Solve(central);
        var optimum = free.Schedule.ToDictionary(b => b.Id, b => b.ServiceYear);
        var spur = free.Schedule.Single(b => b.Id.Value == "rd-spur");
        // The spur a period earlier than its best year: dearer, and exactly in that year.
        var earlier = central.Periods.Select(p => p.StartYear).Last(y => y < spur.ServiceYear);

        var same = kept.Solve(central, plan: optimum);
        var moved = kept.Solve(central, plan: new Dictionary<Network.Model.OptionId, int>(optimum) { [spur.Id] = earlier });

        AssertSame(free, same, "the optimum held fixed");
        Assert.True(moved.HasSolution, moved.StatusMessage);
        Assert.Equal(earlier, moved.Schedule.Single(b => b.Id == spur.Id).ServiceYear);
        Assert.Equal(Schedule(free).Replace($"rd-spur@{spur.ServiceYear}", $"rd-spur@{earlier}", StringComparison.Ordinal), Schedule(moved));
        Assert.True(moved.Objective > free.Objective, "Held away from its best year, the plan costs more.");
    }

    private static readonly SolverSettings Settings = SolverSettings.Default with { ComputePrices = false };

    private static void AssertSame(OptimisationResult expected, OptimisationResult actual, string what)
    {
        Assert.True(expected.HasSolution && actual.HasSolution, $"{what}: {expected.StatusMessage} / {actual.StatusMessage}");
        Assert.True(Math.Abs(expected.Objective!.Value - actual.Objective!.Value) <= Math.Abs(expected.Objective.Value) * 1e-9,
            $"{what}: objective {actual.Objective} on the kept model, {expected.Objective} built afresh.");
        Assert.Equal(Built(expected), Built(actual));
        Assert.Equal(Schedule(expected), Schedule(actual));
    }

    private static string Schedule(OptimisationResult r) => string.Join(",", r.Schedule.Select(b => $"{b.Id}@{b.ServiceYear}"));

    private static string Built(OptimisationResult r) => string.Join(",", r.Builds.Where(b => b.Built).Select(b => b.Id.Value).Order());

    private static NetworkSnapshot Load(string file, string? scenario)
    {
        var loaded = NetworkLoader.Load(Path.Combine(Root, "networks", file), new LoadOptions { Scenario = scenario });
        Assert.True(loaded.Succeeded, string.Join("\n", loaded.Errors));
        return loaded.Network!;
    }

    private static string FindRoot()
    {
        var dir = AppContext.BaseDirectory;
        while (dir is not null && !File.Exists(Path.Combine(dir, "Logistics.sln")))
            dir = Path.GetDirectoryName(dir);
        return dir ?? throw new InvalidOperationException("Logistics.sln not found above the test directory.");
    }
}
