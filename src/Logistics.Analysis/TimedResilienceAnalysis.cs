using System.Collections.Immutable;

using Logistics.Network.Model;
using Logistics.Optimisation;

namespace Logistics.Analysis;

/// <summary>
/// <c>resilience</c> on a plan over time (docs/analyses.md, "resilience"): each link, corridor and port is out from the
/// start of one period for a number of years. When the outage ends inside a period, that period is split at the end
/// year for every solve (base included). Operational answers keep the base schedule: with the builds of every period
/// fixed the periods are independent, so each period the outage touches is solved on its own with and without the
/// outage, and the loss is Σ (yearly cost with − without) × the period's present value factor. Strategic answers
/// re-optimise the whole horizon with the outage in its years, against the base optimum on the same periods.
/// </summary>
internal static class TimedResilienceAnalysis
{
    public static ResilienceReport Run(NetworkSnapshot network, OutageTiming timing, AnalysisSettings settings, CancellationToken cancellationToken)
    {
        var window = Window(network, timing);
        var (split, affected) = Split(network, window);
        var scheduler = new SolveScheduler(settings);
        var baseResult = scheduler.Solve(new SolveJob(split), cancellationToken);
        if (baseResult.Objective is not { } baseCost)
            throw new AnalysisInputException($"The network itself has no solution ({baseResult.StatusMessage}); resilience compares failures against the base optimum.");

        var baseBuilds = Outcomes.Built(baseResult);
        var baseSchedule = ScheduledOption.Of(baseResult);
        var corridors = CorridorFinder.Find(network);
        var cases = Cases(network, corridors);

        // Each touched period with the base's builds of that period fixed, and its yearly cost so: the operational reference.
        var fixedPeriods = affected.Select(a => NetworkVariants.WithBuildsFixed(split.PeriodNetworks[a], baseResult.Periods[a].InService)).ToList();
        var fixedCosts = scheduler.SolveAll([.. fixedPeriods.Select(n => new SolveJob(n))], cancellationToken);
        if (fixedCosts.Any(r => r.Objective is null))
            throw new AnalysisInputException("A period of the base optimum does not solve again with its builds fixed; the operational answers would have no reference.");

        var answers = scheduler.Map(Enumerable.Range(0, 2 * cases.Count).ToList(), (i, ct) =>
        {
            var c = cases[i / 2];
            return i % 2 == 0
                ? Operational(c, affected, fixedPeriods, fixedCosts, baseResult, baseCost, baseBuilds, baseSchedule, split, scheduler, settings, ct)
                : Strategic(c, affected, split, baseCost, scheduler, settings, ct);
        }, cancellationToken);

        var plan = new ResiliencePlan(network, baseResult.Status, baseCost, baseBuilds, null, corridors, [.. cases], split);
        return ResilienceAnalysis.Assemble(plan, answers, settings, scheduler.Tally) with
        {
            Window = window,
            BaseSchedule = baseSchedule,
        };
    }

    /// <summary>The outage's period and years from the request; a period the file does not have, or years beyond the horizon, is the user's error.</summary>
    public static OutageWindow Window(NetworkSnapshot network, OutageTiming timing)
    {
        var ids = string.Join(", ", network.Periods.Select(p => p.Id.Value));
        var period = timing.Period is { } id
            ? network.Periods.FirstOrDefault(p => p.Id.Value == id) ?? throw new AnalysisInputException($"The network has no period '{id}'. Periods: {ids}.")
            : network.Periods[0];
        var years = timing.Years ?? period.Years;
        var available = network.HorizonEndYear - period.StartYear;
        if (years < 1 || years > available)
            throw new AnalysisInputException($"An outage from {period.StartYear} (period '{period.Id}') can last 1 to {available} years (to the horizon's end, {network.HorizonEndYear - 1}); {years} was asked for. Give --years between 1 and {available}.");
        return new OutageWindow(period.Id.Value, period.StartYear, years, network.Metadata.BaseYear);
    }

    /// <summary>The plan with the period in which the outage ends split at its end year, and the indices of the periods the outage covers.</summary>
    public static (NetworkSnapshot Split, ImmutableArray<int> Affected) Split(NetworkSnapshot network, OutageWindow window)
    {
        var end = window.StartYear + window.Years;
        var periods = ImmutableArray.CreateBuilder<PlanningPeriod>();
        var snapshots = ImmutableArray.CreateBuilder<NetworkSnapshot>();
        for (var p = 0; p < network.Periods.Length; p++)
        {
            var period = network.Periods[p];
            if (period.StartYear < end && end <= period.EndYear)
            {
                periods.Add(period with { Years = end - period.StartYear });
                periods.Add(new PlanningPeriod(new PeriodId($"{period.Id}-from-{end}"), $"{period.Name} from {end}", end, period.EndYear - end + 1, []));
                snapshots.Add(network.PeriodNetworks[p]);
            }
            else
            {
                periods.Add(period);
            }

            snapshots.Add(network.PeriodNetworks[p]);
        }

        var split = NetworkBuilder.From(network).WithPeriods(periods.ToImmutable(), snapshots.ToImmutable()).Build();
        ImmutableArray<int> affected = [.. Enumerable.Range(0, split.Periods.Length).Where(p => split.Periods[p].StartYear >= window.StartYear && split.Periods[p].StartYear < end)];
        return (split, affected);
    }

    private static List<ResiliencePlan.Case> Cases(NetworkSnapshot network, ImmutableArray<Corridor> corridors)
    {
        var cases = new List<ResiliencePlan.Case>();
        foreach (var link in network.Links)
            cases.Add(new(OutageKind.Link, link.Id.Value, link.Name, [link.Id], n => n.TryGetLink(link.Id, out _) ? NetworkVariants.WithoutLinks(n, [link.Id]) : n));
        foreach (var corridor in corridors)
            cases.Add(new(OutageKind.Corridor, corridor.Id, corridor.Name, corridor.Links, n => NetworkVariants.WithoutLinks(n, corridor.Links)));
        foreach (var port in network.NodesOfKind(NodeKind.Port))
            cases.Add(new(OutageKind.Port, port.Id.Value, port.Name, [], n => NetworkVariants.WithPortClosed(n, port.Id)));
        return cases;
    }

    /// <summary>The base schedule kept: each touched period solved alone with its builds fixed, with the outage, against its reference.</summary>
    private static OutageAnswer Operational(ResiliencePlan.Case outage, ImmutableArray<int> affected, List<NetworkSnapshot> fixedPeriods,
        ImmutableArray<OptimisationResult> fixedCosts, OptimisationResult baseResult, double baseCost, ImmutableArray<OptionId> baseBuilds,
        ImmutableArray<ScheduledOption> baseSchedule, NetworkSnapshot split, SolveScheduler scheduler, AnalysisSettings settings, CancellationToken ct)
    {
        var extra = 0.0;
        var lost = 0.0;
        var penalised = false;
        var status = SolveStatus.Optimal;
        ImmutableArray<UnshippedResult> firstUnshipped = [];
        for (var k = 0; k < affected.Length; k++)
        {
            var a = affected[k];
            var variant = outage.Apply(fixedPeriods[k]);
            var plain = scheduler.Solve(new SolveJob(variant), ct);
            double yearly;
            if (plain.Objective is { } cost)
            {
                yearly = cost;
            }
            else if (plain.Status == SolveStatus.Infeasible)
            {
                status = SolveStatus.Infeasible;
                penalised = true;
                var again = scheduler.Solve(new SolveJob(NetworkVariants.WithUnshippedPenalty(variant, settings.UnshippedPenaltyUsdPerTonne)), ct);
                if (!again.HasSolution)
                    return new OutageAnswer(plain.Status, null, null, 0, [], true, []) { Schedule = baseSchedule };
                yearly = Outcomes.CostWithoutPenalty(again, variant);
                var unshipped = again.Unshipped.Where(u => u.TonnesPerYear > 0).ToImmutableArray();
                lost += unshipped.Sum(u => u.TonnesPerYear) * split.Periods[a].Years;
                if (firstUnshipped.IsEmpty) firstUnshipped = unshipped;
            }
            else
            {
                return new OutageAnswer(plain.Status, null, null, 0, [], false, []) { Schedule = baseSchedule };
            }

            extra += (yearly - fixedCosts[k].Objective!.Value) * baseResult.Periods[a].PresentValueFactor;
        }

        return new OutageAnswer(status, baseCost + extra, Tidy(extra, baseCost), lost, firstUnshipped, penalised, baseBuilds) { Schedule = baseSchedule };
    }

    /// <summary>The whole horizon re-optimised with the outage in its years (penalised in those years when nothing else is feasible).</summary>
    private static OutageAnswer Strategic(ResiliencePlan.Case outage, ImmutableArray<int> affected, NetworkSnapshot split, double baseCost,
        SolveScheduler scheduler, AnalysisSettings settings, CancellationToken ct)
    {
        var variant = WithPeriodsEdited(split, affected, outage.Apply);
        var plain = scheduler.Solve(new SolveJob(variant), ct);
        if (plain.Objective is { } cost)
            return new OutageAnswer(plain.Status, cost, Tidy(cost - baseCost, baseCost), 0, [], false, Outcomes.Built(plain)) { Schedule = ScheduledOption.Of(plain) };
        if (plain.Status != SolveStatus.Infeasible)
            return new OutageAnswer(plain.Status, null, null, 0, [], false, []);

        var penalisedVariant = WithPeriodsEdited(split, affected, n => NetworkVariants.WithUnshippedPenalty(outage.Apply(n), settings.UnshippedPenaltyUsdPerTonne));
        var penalised = scheduler.Solve(new SolveJob(penalisedVariant), ct);
        if (penalised.Objective is not { } objective)
            return new OutageAnswer(plain.Status, null, null, 0, [], true, []);
        var real = objective;
        var lost = 0.0;
        ImmutableArray<UnshippedResult> firstUnshipped = [];
        foreach (var a in affected)
        {
            var period = penalised.Periods[a];
            real += Outcomes.PenaltyRevenue(period.Deliveries, variant.PeriodNetworks[a]) * period.PresentValueFactor;
            var unshipped = period.Unshipped.Where(u => u.TonnesPerYear > 0).ToImmutableArray();
            lost += unshipped.Sum(u => u.TonnesPerYear) * period.Years;
            if (firstUnshipped.IsEmpty) firstUnshipped = unshipped;
        }

        return new OutageAnswer(plain.Status, real, Tidy(real - baseCost, baseCost), lost, firstUnshipped, true, Outcomes.Built(penalised)) { Schedule = ScheduledOption.Of(penalised) };
    }

    /// <summary>The plan with <paramref name="edit"/> applied to the snapshots of the periods in <paramref name="affected"/> only.</summary>
    private static NetworkSnapshot WithPeriodsEdited(NetworkSnapshot plan, ImmutableArray<int> affected, Func<NetworkSnapshot, NetworkSnapshot> edit) =>
        NetworkBuilder.From(plan)
            .WithPeriods(plan.Periods, [.. plan.PeriodNetworks.Select((n, p) => affected.Contains(p) ? edit(n) : n)])
            .Build();

    /// <summary>Differences within the MIP gap are solver noise: report them as zero so ties rank by id.</summary>
    private static double Tidy(double usd, double baseCost) => Math.Abs(usd) < 1 + (SolverSettings.DefaultRelativeGap * Math.Abs(baseCost)) ? 0 : usd;
}
