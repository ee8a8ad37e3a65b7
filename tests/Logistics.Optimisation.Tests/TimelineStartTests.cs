using Logistics.Network.IO;
using Logistics.Network.Loading;
using Logistics.Network.Model;
using Logistics.Optimisation.Model;
using Logistics.Optimisation.Periods;

using static Logistics.Optimisation.Tests.TestTimeline;

namespace Logistics.Optimisation.Tests;

/// <summary>Under a time limit a plan over time starts from a schedule at its bounds with each period's LP flows (docs/model.md, "Plans over time").</summary>
public sealed class TimelineStartTests
{
    /// <summary>Starts every plan, not only national-scale ones, so these small networks exercise it.</summary>
    private static readonly ModelOptions Always = ModelOptions.Default with { IncumbentStartMinVariables = 0 };

    private static readonly string TimelineFile = Path.Combine(RepositoryPaths.Root, "networks", "chagai-timeline.network.json");

    /// <summary>Mine m → market k (needing <paramref name="tonnes"/>) only over the rail link option "rail" builds, ready from 2026.</summary>
    private static NetworkSnapshot RailOnly(double tonnes, double railCapacity) =>
        TestNetwork.Create(0.1).Mine("m", "ore", tonnes).Market("k", "ore", min: tonnes)
            .Link("rail", "m", "k", perTonne: 2, capacity: railCapacity, builtBy: "rail").Option("rail", 100, lifetime: 10, leadTime: 1).Build();

    /// <summary>The same mine and market with a road as well, so the first period (before the rail can serve) is served by road.</summary>
    private static NetworkSnapshot RoadAndRail(double tonnes, double roadCapacity) =>
        TestNetwork.Create(0.1).Mine("m", "ore", tonnes).Market("k", "ore", min: tonnes)
            .Link("road", "m", "k", TransportMode.Road, perTonne: 10, capacity: roadCapacity)
            .Link("rail", "m", "k", perTonne: 2, builtBy: "rail").Option("rail", 100, lifetime: 10, leadTime: 1).Build();

    [Fact]
    public void The_default_time_line_with_a_start_reaches_the_same_plan_as_without()
    {
        var network = NetworkLoader.Load(TimelineFile).Network!;
        var free = new NetworkOptimiser().Solve(network, SolverSettings.Default);
        var started = new NetworkOptimiser().Solve(network, SolverSettings.Default with { TimeLimit = TimeSpan.FromSeconds(60) }, Always);

        Assert.Equal(SolveStatus.Optimal, started.Status);
        Assert.Equal(free.Objective!.Value, started.Objective!.Value, 1e-6 * free.Objective.Value);
        Assert.Equal(free.Schedule.Select(b => (b.Id, b.ServiceYear)), started.Schedule.Select(b => (b.Id, b.ServiceYear)));
    }

    [Fact]
    public void When_building_nothing_leaves_a_period_unserved_the_start_builds_what_each_period_allows_and_satisfies_every_row()
    {
        // 2025: the road carries the 50 t (the rail's lead time forbids it); 2026: the road carries 20 t, so the rail must be in service.
        var network = Of((2025, 1, RoadAndRail(50, 50)), (2026, 1, RoadAndRail(50, 20)));
        using var solver = Google.OrTools.LinearSolver.Solver.CreateSolver("SCIP")!;
        var model = TimelineModel.Build(network, solver, integerBuilds: true, ModelOptions.Default);

        var values = TimelineStart.Values(model, TimeSpan.FromSeconds(10), TimeProvider.System, CancellationToken.None);

        Assert.NotNull(values);
        var variables = solver.variables();
        Assert.Equal(0, values[variables.IndexOf(model.InService(new OptionId("rail"), 0))]);
        Assert.Equal(1, values[variables.IndexOf(model.InService(new OptionId("rail"), 1))]);
        foreach (var row in solver.constraints())
        {
            var activity = variables.Select((v, i) => row.GetCoefficient(v) * values[i]).Sum();
            Assert.InRange(activity, row.Lb() - 1e-6, row.Ub() + 1e-6);
        }

        foreach (var (v, i) in variables.Select((v, i) => (v, i)))
            Assert.InRange(values[i], v.Lb() - 1e-9, v.Ub() + 1e-9);
        var result = new NetworkOptimiser().Solve(network, SolverSettings.Default with { TimeLimit = TimeSpan.FromSeconds(10) }, Always);
        Assert.Equal(SolveStatus.Optimal, result.Status);
        Assert.Equal(2026, ServiceYear(result, "rail"));
    }

    [Fact]
    public void No_start_is_found_when_no_schedule_at_its_bounds_serves_every_period()
    {
        // 80 t must reach the market by a rail link of 50 t: no schedule serves 2026.
        var network = Of((2026, 1, RailOnly(80, 50)), (2027, 1, RailOnly(80, 50)));
        using var solver = Google.OrTools.LinearSolver.Solver.CreateSolver("SCIP")!;
        var model = TimelineModel.Build(network, solver, integerBuilds: true, ModelOptions.Default);

        Assert.Null(TimelineStart.Values(model, TimeSpan.FromSeconds(10), TimeProvider.System, CancellationToken.None));
        Assert.False(TimelineStart.TryHint(model, TimeSpan.FromSeconds(10), TimeProvider.System, CancellationToken.None));
    }
}
