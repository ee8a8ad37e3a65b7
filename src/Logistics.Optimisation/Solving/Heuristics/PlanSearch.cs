using System.Collections.Immutable;

using Logistics.Network.Model;
using Logistics.Optimisation.Model;

namespace Logistics.Optimisation.Solving.Heuristics;

/// <summary>The best plan the heuristics found, its complete variable values (a MIP start), and what each heuristic gave.</summary>
internal sealed record PlanSearchResult(BuildPlan? Best, double[]? Values, double? RelaxationBound, ImmutableArray<HeuristicOutcome> Outcomes);

/// <summary>
/// Good plans early (docs/model.md, "Good plans early"): a first plan (nothing built, or everything), the strong
/// relaxation (linking rows as cuts), LP rounding of its builds, slope scaling, then a local search over the builds from
/// the best of them, all priced by the fixed-build LP. With <see cref="ModelOptions.MipNeighbourhood"/> (a large model)
/// LP rounding's and slope scaling's plans each get a local search of their own, and MIP neighbourhoods
/// (<see cref="RestrictedMip"/>) search around the best before the last local search. Used to start the MIP; each step
/// can be switched off to measure it.
/// </summary>
internal static class PlanSearch
{
    /// <summary>Share of the time left (after the first plan) the strong relaxation may take; the rest goes to the heuristics.</summary>
    public const double RelaxationShare = 0.4;

    /// <summary>
    /// With the MIP neighbourhoods, the most slope scaling may take, as a share of the time the heuristics had after the
    /// relaxation, so the steps after it get the rest: on c37 under load its first re-solve alone took 16 s and priced no
    /// plan. A share of that time rather than of the time left when it starts, because the local search from LP rounding's
    /// plan now runs first: on the 1,000-node instance a quarter of what that search left was 2.5 s, two iterations, and
    /// a plan 14% dearer than the 4.5 s run that led to the best plan (docs/benchmarks.md, "A local search from each plan").
    /// </summary>
    public const double SlopeScalingShare = 0.25;

    /// <summary>
    /// With the MIP neighbourhoods, the most of the time left that the local search from LP rounding's plan, and then the
    /// one from slope scaling's, may take; the last local search gets whatever the neighbourhoods leave. On c37 the local
    /// search is what reached the best plans (95,136), and when it came last the neighbourhoods often left it no time
    /// (docs/model.md, "Good plans early").
    /// </summary>
    public const double LocalSearchShare = 0.5;

    public static PlanSearchResult Run(NetworkSnapshot network, ModelOptions options, TimeSpan budget, TimeProvider time, Action<StrongRelaxation>? useRelaxation = null,
        bool rounding = true, bool slopeScaling = true, bool localSearch = true, CancellationToken cancellationToken = default)
    {
        var outcomes = ImmutableArray.CreateBuilder<HeuristicOutcome>();
        using var evaluator = new FixedBuildEvaluator(network, options, time, budget, cancellationToken);
        BuildPlan? best = null;
        void Step(string name, Func<BuildPlan?> heuristic)
        {
            var (before, at) = (evaluator.Evaluations, time.GetTimestamp());
            var plan = heuristic();
            outcomes.Add(new HeuristicOutcome(name, plan?.Cost, evaluator.Evaluations - before, time.GetElapsedTime(at)));
            if (plan is not null && (best is null || plan.Cost < best.Cost))
                best = plan;
        }

        // First a plan that is cheap to find, so a tight limit still gets one: nothing built, or, if that is infeasible, everything.
        var count = evaluator.FreeOptions.Length;
        Step("build nothing or all", () =>
        {
            foreach (var build in new[] { false, true })
            {
                var open = Enumerable.Repeat(build, count).ToImmutableArray();
                if (evaluator.Cost(open) is { } c)
                    return new BuildPlan(open, c, build ? "build all" : "build nothing");
            }

            return null;
        });

        var at = time.GetTimestamp();
        using var relaxation = StrongRelaxation.Solve(network, options, evaluator.TimeLeft * RelaxationShare, time);
        outcomes.Add(new HeuristicOutcome(relaxation is { Converged: false } ? "strong relaxation (bound, stopped early)" : "strong relaxation (bound)",
            relaxation?.Bound, relaxation?.Rounds ?? 0, time.GetElapsedTime(at)));
        if (relaxation is null)
            return new PlanSearchResult(best, best is null ? null : evaluator.Values(best.Open), null, outcomes.ToImmutable());
        useRelaxation?.Invoke(relaxation);
        var relaxed = relaxation.BuildValues(evaluator.FreeOptions);

        // With the MIP neighbourhoods (a large model), each constructed plan is polished by its own local search before
        // the next step: the descent's end depends on where it starts, and the better start is not always the better end.
        var heuristicsTime = evaluator.TimeLeft;
        var polish = localSearch && options.MipNeighbourhood;
        var polished = new List<BuildPlan>();
        void Polish(BuildPlan? plan, string from)
        {
            if (polish && plan is not null)
            {
                Step($"local search from {from}", () =>
                {
                    var local = BuildLocalSearch.Run(plan, evaluator, relaxed, evaluator.TimeLeft * LocalSearchShare);
                    polished.Add(local);
                    return local;
                });
            }
        }

        BuildPlan? rounded = null, scaled = null;
        if (rounding)
            Step("LP rounding", () => rounded = LpRounding.Run(evaluator, relaxed));
        Polish(rounded, "LP rounding");
        if (slopeScaling)
            Step("slope scaling", () => scaled = SlopeScaling.Run(relaxation.Solver, relaxation.Model.Build, evaluator.FreeOptions, evaluator, options.MipNeighbourhood ? heuristicsTime * SlopeScalingShare : null));
        Polish(scaled, "slope scaling");
        if (options.MipNeighbourhood && best is not null)
        {
            var start = best;
            Action<OptimisationModel>? addRows = options.TightenBuiltLinks ? null : relaxation.AddSeparatedRowsTo;
            Step("MIP neighbourhood", () => RestrictedMip.Run(start, relaxed, evaluator, addRows));
            // Then around the other local optima: on c33 the neighbourhoods around the dearer one reach the optimum
            // (423,848) where those around the cheaper one stop at 424,385.
            var startKey = BuildPlan.KeyOf(start.Open);
            foreach (var other in polished.DistinctBy(p => BuildPlan.KeyOf(p.Open)).Where(p => BuildPlan.KeyOf(p.Open) != startKey).ToList())
                Step("MIP neighbourhood from another local optimum", () => RestrictedMip.Run(other, relaxed, evaluator, addRows));
        }

        if (localSearch && best is not null)
            Step("local search", () => BuildLocalSearch.Run(best, evaluator, relaxed));
        var values = best is null ? null : evaluator.Values(best.Open);
        return new PlanSearchResult(best, values, relaxation.Bound, outcomes.ToImmutable());
    }
}
