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
