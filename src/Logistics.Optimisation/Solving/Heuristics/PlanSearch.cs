using System.Collections.Immutable;

using Logistics.Network.Model;
using Logistics.Optimisation.Model;

namespace Logistics.Optimisation.Solving.Heuristics;

/// <summary>The best plan the heuristics found, its complete variable values (a MIP start), and what each heuristic gave.</summary>
internal sealed record PlanSearchResult(BuildPlan? Best, double[]? Values, double? RelaxationBound, ImmutableArray<HeuristicOutcome> Outcomes);

/// <summary>
/// Good plans early (docs/model.md, "Good plans early"): a first plan (nothing built, or everything), the strong
/// relaxation (linking rows as cuts), LP rounding of its builds, slope scaling, with <see cref="ModelOptions.MipNeighbourhood"/>
/// MIP neighbourhoods around the best of them (<see cref="RestrictedMip"/>), then a local search over the builds, all
/// priced by the fixed-build LP. Used to start the MIP; each step can be switched off to measure it.
/// </summary>
internal static class PlanSearch
{
    /// <summary>Share of the time left (after the first plan) the strong relaxation may take; the rest goes to the heuristics.</summary>
    public const double RelaxationShare = 0.4;

    /// <summary>
    /// With the MIP neighbourhoods, the most of the time left that slope scaling may take, so they get the rest: on c37
    /// under load its first re-solve alone took 16 s and priced no plan, while one restricted MIP cut the plan by 5%.
    /// </summary>
    public const double SlopeScalingShare = 0.25;

    /// <summary>
    /// With the MIP neighbourhoods, the most of the time left that the first local search may take before them; a second
    /// local search gets whatever they leave. On c37 the local search is what reached the best plans (95,136), and when
    /// it came last the neighbourhoods often left it no time (docs/model.md, "Good plans early").
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

        if (rounding)
            Step("LP rounding", () => LpRounding.Run(evaluator, relaxed));
        if (slopeScaling)
            Step("slope scaling", () => SlopeScaling.Run(relaxation.Solver, relaxation.Model.Build, evaluator.FreeOptions, evaluator, options.MipNeighbourhood ? evaluator.TimeLeft * SlopeScalingShare : null));
        if (options.MipNeighbourhood && best is not null)
        {
            if (localSearch)
            {
                var first = best;
                Step("local search", () => BuildLocalSearch.Run(first, evaluator, relaxed, evaluator.TimeLeft * LocalSearchShare));
            }

            var start = best!;
            Step("MIP neighbourhood", () => RestrictedMip.Run(start, relaxed, evaluator, options.TightenBuiltLinks ? null : relaxation.AddSeparatedRowsTo));
        }

        if (localSearch && best is not null)
            Step("local search", () => BuildLocalSearch.Run(best, evaluator, relaxed));
        var values = best is null ? null : evaluator.Values(best.Open);
        return new PlanSearchResult(best, values, relaxation.Bound, outcomes.ToImmutable());
    }
}
