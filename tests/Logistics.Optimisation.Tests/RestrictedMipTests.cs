using System.Collections.Immutable;

using Logistics.Network.Model;
using Logistics.Optimisation.Model;
using Logistics.Optimisation.Solving.Heuristics;

namespace Logistics.Optimisation.Tests;

/// <summary>MIP neighbourhoods around the heuristics' best plan (docs/model.md, "MIP neighbourhoods").</summary>
public sealed class RestrictedMipTests
{
    private static readonly TimeSpan Budget = TimeSpan.FromSeconds(30);

    /// <summary>The heuristics without a local search, with or without the neighbourhoods.</summary>
    private static PlanSearchResult Search(NetworkSnapshot network, bool neighbourhood) =>
        PlanSearch.Run(network, ModelOptions.Default with { MipNeighbourhood = neighbourhood }, Budget, TimeProvider.System, localSearch: false);

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void It_never_returns_a_plan_worse_than_its_start_and_prices_what_it_returns(int seed)
    {
        var network = DesignInstance(seed);
        using var relaxation = StrongRelaxation.Solve(network, ModelOptions.Default, Budget, TimeProvider.System);
        Assert.NotNull(relaxation);
        using var evaluator = new FixedBuildEvaluator(network, ModelOptions.Default, TimeProvider.System, Budget);
        var relaxed = relaxation.BuildValues(evaluator.FreeOptions);
        // Every option built: feasible by construction, and far from the optimum.
        var all = Enumerable.Repeat(true, evaluator.FreeOptions.Length).ToImmutableArray();
        var start = new BuildPlan(all, evaluator.Cost(all)!.Value, "build all");

        var best = RestrictedMip.Run(start, relaxed, evaluator, relaxation.AddSeparatedRowsTo);
        var again = RestrictedMip.Run(best, relaxed, evaluator, relaxation.AddSeparatedRowsTo);

        Assert.True(best.Cost < start.Cost, $"{best.Cost} should improve on building everything ({start.Cost})");
        Assert.Equal(evaluator.Cost(best.Open)!.Value, best.Cost, 1e-9 * best.Cost);
        Assert.True(again.Cost <= best.Cost);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(4)]
    public void Its_plan_forced_into_a_full_solve_costs_what_it_was_priced_at_and_reconciles(int seed)
    {
        var network = DesignInstance(seed);
        var search = Search(network, neighbourhood: true);
        Assert.NotNull(search.Best);
        Assert.Contains("MIP neighbourhood", search.Outcomes.Select(o => o.Heuristic));

        var builder = NetworkBuilder.From(network);
        var free = network.Options.Where(o => o.Decision == BuildDecision.Free).Select(o => o.Id).ToList();
        for (var i = 0; i < free.Count; i++)
            builder.SetDecision(free[i], search.Best.Open[i] ? BuildDecision.ForcedIn : BuildDecision.ForcedOut);
        // The solve recomputes every cost line and fails loudly if they do not sum to its objective.
        var forced = new NetworkOptimiser().Solve(builder.Build(), SolverSettings.Default);

        Assert.Equal(SolveStatus.Optimal, forced.Status);
        Assert.Equal(forced.Objective!.Value, search.Best.Cost, 1e-6 * forced.Objective.Value);
    }

    [Fact]
    public void With_the_neighbourhoods_the_heuristics_find_better_plans_and_never_one_below_the_optimum()
    {
        // The known optimum of the C set's c33 is reached this way in the benchmark tests; these small instances check
        // the direction on generated data: never worse than without, never below the optimum, better somewhere.
        var improved = 0;
        foreach (var seed in new[] { 1, 2, 3, 4 })
        {
            var network = DesignInstance(seed);
            var optimum = new NetworkOptimiser().Solve(network, SolverSettings.Default).Objective!.Value;
            var with = Search(network, neighbourhood: true).Best!.Cost;
            var without = Search(network, neighbourhood: false).Best!.Cost;

            Assert.InRange(with, optimum * (1 - 1e-6), without * (1 + 1e-9));
            improved += with < without * (1 - 1e-9) ? 1 : 0;
        }

        Assert.True(improved > 0, "the neighbourhoods improved no plan the other heuristics found");
    }

    [Fact]
    public void A_large_design_solve_under_a_limit_with_the_neighbourhoods_reaches_the_optimum_and_reconciles()
    {
        var network = DesignInstance(5);
        var exact = new NetworkOptimiser().Solve(network, SolverSettings.Default);
        var options = ModelOptions.Default with { IncumbentStartMinVariables = 0, MipNeighbourhoodMinVariables = 0 };

        var limited = new NetworkOptimiser().Solve(network, SolverSettings.Default with { TimeLimit = TimeSpan.FromSeconds(60) }, options);

        Assert.Equal(SolveStatus.Optimal, limited.Status);
        Assert.Equal(exact.Objective!.Value, limited.Objective!.Value, 1e-6 * exact.Objective.Value);
    }

    /// <summary>
    /// A small multicommodity fixed-charge design instance shaped like the Canad C set: junctions on a ring and random
    /// chords, every arc one-way and built by its own option, each commodity shipped in full from a mine beside its
    /// origin to a market beside its destination over free attachment links. The ring alone carries everything, so
    /// building every option is feasible.
    /// </summary>
    internal static NetworkSnapshot DesignInstance(int seed)
    {
        const int Nodes = 8;
        var random = new Random(seed);
        var net = TestNetwork.Create();
        for (var i = 0; i < Nodes; i++)
            net.Junction($"n{i}");
        var arcs = new HashSet<(int, int)>();
        for (var i = 0; i < Nodes; i++)
        {
            arcs.Add((i, (i + 1) % Nodes));
            arcs.Add(((i + 1) % Nodes, i));
        }

        while (arcs.Count < 3 * Nodes)
        {
            var (a, b) = (random.Next(Nodes), random.Next(Nodes));
            if (a != b)
                arcs.Add((a, b));
        }

        var commodities = 6;
        var total = 0.0;
        for (var k = 0; k < commodities; k++)
        {
            var (o, d) = (random.Next(Nodes), random.Next(Nodes));
            if (o == d)
                d = (d + 1 + random.Next(Nodes - 1)) % Nodes;
            var tonnes = random.Next(10, 40);
            total += tonnes;
            var c = $"k{k}";
            net.Commodity(c).Mine($"mine-{c}", c, tonnes).Market($"market-{c}", c, min: tonnes, max: tonnes)
                .Link($"in-{c}", $"mine-{c}", $"n{o}", commodities: [c]).Link($"out-{c}", $"n{d}", $"market-{c}", commodities: [c]);
        }

        foreach (var (a, b) in arcs.Order())
        {
            var ring = b == (a + 1) % Nodes || a == (b + 1) % Nodes;
            var id = $"a{a}-{b}";
            net.Link(id, $"n{a}", $"n{b}", perTonne: random.Next(1, 10), capacity: ring ? total : random.Next(20, 60), builtBy: $"y{id}")
                .Option($"y{id}", random.Next(100, 600));
        }

        return net.Build();
    }
}
