using System.Collections.Immutable;

using Logistics.Network.Model;
using Logistics.Optimisation;

namespace Logistics.Analysis;

/// <summary>
/// Takes each link, corridor and port out in turn (N-1) and ranks the failures (docs/analyses.md, "resilience").
/// Each outage gets two answers: operational (builds fixed as in the base optimum, routes free) and strategic
/// (everything re-optimised). An outage that makes the model infeasible is re-solved allowing unshipped output at
/// <see cref="AnalysisSettings.UnshippedPenaltyUsdPerTonne"/>, and the tonnes left behind are reported.
/// Ranking, most harmful first: operational unshipped tonnes, operational extra cost, strategic unshipped tonnes,
/// strategic extra cost (all descending; no answer ranks last), then kind and id.
/// </summary>
public static class ResilienceAnalysis
{
    /// <exception cref="AnalysisInputException">The base network has no optimal solution to compare against.</exception>
    public static ResilienceReport Run(Network.Model.Network network, AnalysisSettings settings, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(settings);
        // Its arithmetic is per year (annuities of one year's saving); a plan over time needs yearly cash flows, not built yet.
        if (network.IsPeriodised)
            throw new AnalysisInputException($"'{network.Metadata.Name}' is a plan over time (it has periods); this analysis works on one-period networks only so far. Use 'logistics solve' for the schedule and its present value, or a network file without periods.");
        var scheduler = new SolveScheduler(settings);
        var baseResult = scheduler.Solve(new SolveJob(network), cancellationToken);
        if (baseResult.Objective is not { } baseCost)
            throw new AnalysisInputException($"The network itself has no solution ({baseResult.StatusMessage}); resilience compares failures against the base optimum.");
        var baseBuilds = Outcomes.Built(baseResult);
        var hint = Outcomes.Hint(baseResult);

        var corridors = CorridorFinder.Find(network);
        var cases = new List<(OutageKind Kind, string Id, string Name, ImmutableArray<LinkId> Links, Func<Network.Model.Network, Network.Model.Network> Apply)>();
        foreach (var link in network.Links)
            cases.Add((OutageKind.Link, link.Id.Value, link.Name, [link.Id], n => NetworkVariants.WithoutLinks(n, [link.Id])));
        foreach (var corridor in corridors)
            cases.Add((OutageKind.Corridor, corridor.Id, corridor.Name, corridor.Links, n => NetworkVariants.WithoutLinks(n, corridor.Links)));
        foreach (var port in network.NodesOfKind(NodeKind.Port))
            cases.Add((OutageKind.Port, port.Id.Value, port.Name, [], n => NetworkVariants.WithPortClosed(n, port.Id)));

        var fixedBuilds = NetworkVariants.WithBuildsFixed(network, baseBuilds);
        var jobs = cases.SelectMany(c => new[] { (Case: c, Operational: true), (Case: c, Operational: false) }).ToList();
        var answers = scheduler.Map(jobs, (job, ct) =>
        {
            var variant = job.Case.Apply(job.Operational ? fixedBuilds : network);
            return Answer(variant, job.Operational ? null : hint, baseCost, scheduler, settings, ct);
        }, cancellationToken);

        var outages = cases.Select((c, i) => new Outage(0, c.Kind, c.Id, c.Name, c.Links, answers[2 * i], answers[(2 * i) + 1]))
            .OrderByDescending(o => o.Operational.UnshippedTonnes)
            .ThenByDescending(o => o.Operational.ExtraAnnualCostUsd ?? double.NegativeInfinity)
            .ThenByDescending(o => o.Strategic.UnshippedTonnes)
            .ThenByDescending(o => o.Strategic.ExtraAnnualCostUsd ?? double.NegativeInfinity)
            .ThenBy(o => o.Kind)
            .ThenBy(o => o.ElementId, StringComparer.Ordinal)
            .Select((o, i) => o with { Rank = i + 1 })
            .ToImmutableArray();
        return new ResilienceReport(network.AppliedScenario?.Value, baseResult.Status, baseCost, baseBuilds, settings.UnshippedPenaltyUsdPerTonne, corridors, outages) { Tally = scheduler.Tally };
    }

    private static OutageAnswer Answer(Network.Model.Network variant, ImmutableDictionary<OptionId, bool>? hint, double baseCost, SolveScheduler scheduler, AnalysisSettings settings, CancellationToken ct)
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
