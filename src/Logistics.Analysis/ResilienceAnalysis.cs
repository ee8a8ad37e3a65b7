using System.Collections.Immutable;

using Logistics.Network.Model;
using Logistics.Optimisation;

namespace Logistics.Analysis;

/// <summary>
/// Takes each link, corridor and port out in turn (N-1) and ranks the failures (docs/analyses.md, "resilience").
/// Each outage gets two answers: operational (builds fixed as in the base optimum, routes free) and strategic
/// (everything re-optimised). An outage that makes the model infeasible is re-solved allowing unshipped output at
/// <see cref="AnalysisSettings.UnshippedPenaltyUsdPerTonne"/> plus each commodity's value per tonne
/// (<see cref="NetworkVariants.UnshippedPenaltyUsdPerTonne"/>), and the tonnes left behind are reported.
/// Ranking, most harmful first: operational unshipped tonnes, operational extra cost, strategic unshipped tonnes,
/// strategic extra cost (all descending; no answer ranks last), then kind and id. On a plan over time the outages have
/// a period and a duration and their costs are present values (<see cref="TimedResilienceAnalysis"/>).
/// </summary>
public static class ResilienceAnalysis
{
    /// <exception cref="AnalysisInputException">The base network has no optimal solution to compare against.</exception>
    public static ResilienceReport Run(NetworkSnapshot network, AnalysisSettings settings, CancellationToken cancellationToken = default) =>
        Run(network, settings, new OutageTiming(), cancellationToken);

    /// <summary>
    /// As <see cref="Run(NetworkSnapshot, AnalysisSettings, CancellationToken)"/>; on a plan over time the outages
    /// start with the period <paramref name="timing"/> names and last its years (<see cref="TimedResilienceAnalysis"/>).
    /// One-period networks ignore <paramref name="timing"/>.
    /// </summary>
    /// <exception cref="AnalysisInputException">The base network has no optimal solution, or the timing names no period of the plan or too many years.</exception>
    public static ResilienceReport Run(NetworkSnapshot network, AnalysisSettings settings, OutageTiming timing, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(timing);
        if (network.IsPeriodised)
            return TimedResilienceAnalysis.Run(network, timing, settings, cancellationToken);
        var scheduler = new SolveScheduler(settings);
        var plan = Plan(network, scheduler.Solve(new SolveJob(network), cancellationToken));
        var answers = scheduler.Map(Enumerable.Range(0, plan.AnswerCount).ToList(), (i, ct) => Answer(plan, i, scheduler, settings, ct), cancellationToken);
        return Assemble(plan, answers, settings, scheduler.Tally);
    }

    /// <summary>When the outages of a plan over time happen, from the request (period and years defaulted).</summary>
    /// <exception cref="AnalysisInputException">The plan has no such period, or the years run past the horizon's end or are fewer than 1.</exception>
    public static OutageWindow Window(NetworkSnapshot network, OutageTiming timing)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(timing);
        if (!network.IsPeriodised)
            throw new AnalysisInputException($"'{network.Metadata.Name}' has no periods: its outages last its one representative year.");
        return TimedResilienceAnalysis.Window(network, timing);
    }

    /// <summary>The outages of <paramref name="network"/> measured against its base optimum <paramref name="baseResult"/>.</summary>
    /// <exception cref="AnalysisInputException">The base network has no optimal solution to compare against.</exception>
    public static ResiliencePlan Plan(NetworkSnapshot network, OptimisationResult baseResult)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(baseResult);
        if (baseResult.Objective is not { } baseCost)
            throw new AnalysisInputException($"The network itself has no solution ({baseResult.StatusMessage}); resilience compares failures against the base optimum.");
        // Outages of a plan over time have a period and a duration; their answers come from TimedResilienceAnalysis, not from these cases.
        if (network.IsPeriodised)
            throw new AnalysisInputException($"'{network.Metadata.Name}' is a plan over time (it has periods); its resilience runs in one process (logistics resilience --period P --years N), not as a distributed study.");
        var baseBuilds = Outcomes.Built(baseResult);

        var corridors = CorridorFinder.Find(network);
        var cases = new List<ResiliencePlan.Case>();
        foreach (var link in network.Links)
            cases.Add(new(OutageKind.Link, link.Id.Value, link.Name, [link.Id], n => NetworkVariants.WithoutLinks(n, [link.Id])));
        foreach (var corridor in corridors)
            cases.Add(new(OutageKind.Corridor, corridor.Id, corridor.Name, corridor.Links, n => NetworkVariants.WithoutLinks(n, corridor.Links)));
        foreach (var port in network.NodesOfKind(NodeKind.Port))
            cases.Add(new(OutageKind.Port, port.Id.Value, port.Name, [], n => NetworkVariants.WithPortClosed(n, port.Id)));
        return new ResiliencePlan(network, baseResult.Status, baseCost, baseBuilds, Outcomes.Hint(baseResult), corridors, [.. cases],
            NetworkVariants.WithBuildsFixed(network, baseBuilds));
    }

    /// <summary>Answer <paramref name="index"/> of the plan: outage index / 2, operational when even, strategic when odd.</summary>
    public static OutageAnswer Answer(ResiliencePlan plan, int index, SolveScheduler scheduler, AnalysisSettings settings, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(scheduler);
        ArgumentNullException.ThrowIfNull(settings);
        var outage = plan.Cases[index / 2];
        var operational = index % 2 == 0;
        var variant = outage.Apply(operational ? plan.FixedBuilds : plan.Network);
        return Answer(variant, operational ? null : plan.Hint, plan.BaseCost, scheduler, settings, cancellationToken);
    }

    /// <summary>The ranked report from every answer of the plan, in <see cref="Answer(ResiliencePlan, int, SolveScheduler, AnalysisSettings, CancellationToken)"/> order.</summary>
    public static ResilienceReport Assemble(ResiliencePlan plan, IReadOnlyList<OutageAnswer> answers, AnalysisSettings settings, SolveTally tally)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(answers);
        ArgumentNullException.ThrowIfNull(settings);
        var outages = plan.Cases.Select((c, i) => new Outage(0, c.Kind, c.Id, c.Name, c.Links, answers[2 * i], answers[(2 * i) + 1]))
            .OrderByDescending(o => o.Operational.UnshippedTonnes)
            .ThenByDescending(o => o.Operational.ExtraAnnualCostUsd ?? double.NegativeInfinity)
            .ThenByDescending(o => o.Strategic.UnshippedTonnes)
            .ThenByDescending(o => o.Strategic.ExtraAnnualCostUsd ?? double.NegativeInfinity)
            .ThenBy(o => o.Kind)
            .ThenBy(o => o.ElementId, StringComparer.Ordinal)
            .Select((o, i) => o with { Rank = i + 1 })
            .ToImmutableArray();
        return new ResilienceReport(plan.Network.AppliedScenario?.Value, plan.BaseStatus, plan.BaseCost, plan.BaseBuilds, settings.UnshippedPenaltyUsdPerTonne, plan.Corridors, outages) { Tally = tally };
    }

    private static OutageAnswer Answer(NetworkSnapshot variant, ImmutableDictionary<OptionId, bool>? hint, double baseCost, SolveScheduler scheduler, AnalysisSettings settings, CancellationToken ct)
    {
        var plain = scheduler.Solve(new SolveJob(variant, hint), ct);
        if (plain.Objective is { } cost)
            return new OutageAnswer(plain.Status, cost, Tidy(cost - baseCost, baseCost), 0, [], false, Outcomes.Built(plain));
        if (plain.Status != SolveStatus.Infeasible)
            return new OutageAnswer(plain.Status, null, null, 0, [], false, []);

        var penalised = scheduler.Solve(new SolveJob(NetworkVariants.WithUnshippedPenalty(variant, settings.UnshippedPenaltyUsdPerTonne), hint), ct);
        if (!penalised.HasSolution)
            return new OutageAnswer(plain.Status, null, null, 0, [], true, []);
        var unshipped = penalised.Unshipped.Where(u => u.TonnesPerYear > 0).ToImmutableArray();
        var real = Outcomes.CostWithoutPenalty(penalised, variant);
        return new OutageAnswer(plain.Status, real, Tidy(real - baseCost, baseCost), unshipped.Sum(u => u.TonnesPerYear), unshipped, true, Outcomes.Built(penalised));
    }

    /// <summary>Differences within the MIP gap are solver noise: report them as zero so ties rank by id.</summary>
    private static double Tidy(double usd, double baseCost) => Math.Abs(usd) < 1 + (SolverSettings.DefaultRelativeGap * Math.Abs(baseCost)) ? 0 : usd;
}
