using System.Collections.Immutable;
using System.Globalization;

using Logistics.Network.Diagnostics;
using Logistics.Network.IO;
using Logistics.Network.Loading;
using Logistics.Network.Model;
using Logistics.Optimisation;

namespace Logistics.Analysis;

/// <summary>
/// Solves the base and each scenario and sets them side by side (docs/analyses.md, "compare"). A scenario that does
/// not load or has no solution keeps its column, with a diagnosis instead of figures.
/// </summary>
public static class CompareAnalysis
{
    /// <summary>How many routes each outcome lists.</summary>
    public const int MainRouteCount = 5;

    /// <summary>Binds the base and each scenario from <paramref name="source"/> (no file re-reads) and solves them concurrently.</summary>
    /// <param name="scenarios">Scenario ids in the order wanted; the base is always added first.</param>
    /// <exception cref="AnalysisInputException">The base network itself does not load.</exception>
    public static ComparisonReport Run(NetworkSource source, IReadOnlyList<string> scenarios, AnalysisSettings settings, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(scenarios);
        ArgumentNullException.ThrowIfNull(settings);
        var network = BaseNetwork(source);
        var scheduler = new SolveScheduler(settings);
        var solved = scheduler.Map(Variants(scenarios), (id, ct) => SolveOne(source, id, network, scheduler, settings, ct), cancellationToken);
        return Assemble(network, solved, scheduler.Tally);
    }

    /// <summary>The variants a comparison solves, in report order: the base (null) first, then each scenario once.</summary>
    public static ImmutableArray<string?> Variants(IReadOnlyList<string> scenarios)
    {
        ArgumentNullException.ThrowIfNull(scenarios);
        return [null, .. scenarios.Distinct(StringComparer.Ordinal)];
    }

    /// <summary>One variant's outcome, before its difference from the base: the unit a distributed study runs on its own.</summary>
    /// <exception cref="AnalysisInputException">The base network itself does not load.</exception>
    public static ScenarioOutcome SolveVariant(NetworkSource source, string? scenario, SolveScheduler scheduler, AnalysisSettings settings, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(scheduler);
        ArgumentNullException.ThrowIfNull(settings);
        return SolveOne(source, scenario, BaseNetwork(source), scheduler, settings, cancellationToken);
    }

    /// <summary>The report from every variant's outcome, in <see cref="Variants"/> order (the base first).</summary>
    public static ComparisonReport Assemble(NetworkSnapshot baseNetwork, IReadOnlyList<ScenarioOutcome> solved, SolveTally tally)
    {
        ArgumentNullException.ThrowIfNull(baseNetwork);
        ArgumentNullException.ThrowIfNull(solved);
        var baseOutcome = solved[0];
        var outcomes = solved.Select((o, i) => i == 0 ? o : WithDelta(o, baseOutcome)).ToImmutableArray();
        return new ComparisonReport(
            baseNetwork.Metadata.Name,
            outcomes,
            [.. baseNetwork.Commodities.Select(c => c.Id)],
            [.. baseNetwork.NodesOfKind(NodeKind.Port).Select(p => p.Id)],
            [.. baseNetwork.Options.Select(o => o.Id)])
        {
            Tally = tally,
            PresentValueBaseYear = baseNetwork.IsPeriodised ? baseNetwork.Metadata.BaseYear : null,
            FirstPeriod = baseNetwork.IsPeriodised ? baseNetwork.Periods[0].Span : null,
        };
    }

    private static NetworkSnapshot BaseNetwork(NetworkSource source)
    {
        var baseLoad = source.Bind();
        if (!baseLoad.Succeeded || baseLoad.Network is null)
            throw new AnalysisInputException("The base network does not load.", baseLoad.Errors);
        return baseLoad.Network;
    }

    private static ScenarioOutcome SolveOne(NetworkSource source, string? scenario, NetworkSnapshot baseNetwork, SolveScheduler scheduler, AnalysisSettings settings, CancellationToken ct)
    {
        var name = scenario is null ? "Base" : baseNetwork.Scenarios.FirstOrDefault(s => s.Id.Value == scenario)?.Name ?? scenario;
        var load = scenario is null ? new LoadResult(baseNetwork, []) : source.Bind(new LoadOptions { Scenario = scenario });
        if (!load.Succeeded || load.Network is null)
        {
            var problems = load.Errors.Select(d => d.ToString()).ToImmutableArray();
            return Empty(scenario, name, SolveStatus.Error, "The scenario does not load.", new OutcomeDiagnosis(problems, [], null), null);
        }

        var network = load.Network;
        var result = scheduler.Solve(new SolveJob(network, WithPrices: true), ct);
        if (!result.HasSolution)
            return Empty(scenario, name, result.Status, result.StatusMessage, Diagnose(network, result, scheduler, settings, ct), result);

        var categories = result.Costs.Lines.GroupBy(l => l.Category).OrderBy(g => g.Key)
            .Select(g => new CategoryCost(g.Key, g.Sum(l => l.UsdPerYear), null)).ToImmutableArray();
        var perTonne = network.Commodities.Select(c =>
        {
            var routes = result.Routes.Where(r => r.Commodity == c.Id).ToList();
            var tonnes = routes.Sum(r => r.TonnesPerYear);
            return new CommodityCost(c.Id, tonnes, tonnes > 0 ? routes.Sum(r => r.TonnesPerYear * r.PerTonneCost.Total) / tonnes : 0);
        }).ToImmutableArray();
        var routesSummary = result.Routes
            .OrderByDescending(r => r.TonnesPerYear).ThenBy(r => r.Commodity).ThenBy(r => r.Mine).ThenBy(r => r.Market)
            .ThenBy(r => string.Join(">", r.Nodes), StringComparer.Ordinal)
            .Take(MainRouteCount)
            .Select(r => new RouteSummary(r.Commodity, r.Mine, r.Market, r.Port, r.TonnesPerYear, r.PerTonneCost.Total, string.Join(" > ", r.Nodes)))
            .ToImmutableArray();
        return new ScenarioOutcome(scenario, name, result.Status, result.StatusMessage, result.Objective, null,
            Outcomes.Built(result), [], [], categories, perTonne, Outcomes.PortShares(network, result), routesSummary, null, result)
        {
            Schedule = result.IsPlanOverTime ? ScheduledOption.Of(result) : null,
        };
    }

    /// <summary>Why a variant has no solution: the solver's message, and for an infeasible model what cannot ship (penalised re-solve).</summary>
    internal static OutcomeDiagnosis Diagnose(NetworkSnapshot network, OptimisationResult result, SolveScheduler scheduler, AnalysisSettings settings, CancellationToken ct)
    {
        var problems = ImmutableArray.CreateBuilder<string>();
        problems.Add(result.StatusMessage);
        if (result.Diagnosis is { } diagnosis)
            problems.AddRange(diagnosis.Conflicts);
        if (result.Status != SolveStatus.Infeasible)
            return new OutcomeDiagnosis(problems.ToImmutable(), [], null);

        var penalised = scheduler.Solve(new SolveJob(NetworkVariants.WithUnshippedPenalty(network, settings.UnshippedPenaltyUsdPerTonne)), ct);
        if (!penalised.HasSolution)
        {
            problems.Add($"Even allowing unshipped output the model is {penalised.Status.ToString().ToLowerInvariant()}: a rule, the budget or a forced option cannot be met.");
            return new OutcomeDiagnosis(problems.ToImmutable(), [], null);
        }

        var unshipped = penalised.Unshipped.Where(u => u.TonnesPerYear > 0).ToImmutableArray();
        var total = unshipped.Sum(u => u.TonnesPerYear);
        foreach (var u in unshipped)
            problems.Add(string.Create(CultureInfo.InvariantCulture, $"{u.Mine} cannot ship {u.TonnesPerYear:#,0} of {u.SupplyTpy:#,0} t/yr of {u.Commodity}."));
        var shortfall = Outcomes.MinimumShortfall(penalised, network);
        if (shortfall > 0.5)
            problems.Add(string.Create(CultureInfo.InvariantCulture, $"Markets receive {shortfall:#,0} t/yr less than their minimums."));
        if (unshipped.IsEmpty && shortfall <= 0.5)
            problems.Add("Allowing unshipped output and dropping demand minimums makes it feasible with everything shipped: a demand minimum or rule combination is what cannot be met.");
        return new OutcomeDiagnosis(problems.ToImmutable(), unshipped, total);
    }

    private static ScenarioOutcome Empty(string? scenario, string name, SolveStatus status, string message, OutcomeDiagnosis diagnosis, OptimisationResult? result) =>
        new(scenario, name, status, message, null, null, [], [], [], [], [], [], [], diagnosis, result);

    private static ScenarioOutcome WithDelta(ScenarioOutcome outcome, ScenarioOutcome baseOutcome)
    {
        if (!outcome.HasSolution || !baseOutcome.HasSolution)
            return outcome;
        return outcome with
        {
            DeltaFromBaseUsd = outcome.AnnualCostUsd - baseOutcome.AnnualCostUsd,
            BuildsAdded = [.. outcome.Built.Except(baseOutcome.Built).Order()],
            BuildsRemoved = [.. baseOutcome.Built.Except(outcome.Built).Order()],
            BuildsMoved = outcome.Schedule is { } schedule && baseOutcome.Schedule is { } baseSchedule
                ? [.. schedule.Join(baseSchedule, s => s.Option, b => b.Option, (s, b) => (s.Option, From: b.ServiceYear, To: s.ServiceYear))
                    .Where(m => m.From != m.To).OrderBy(m => m.Option).Select(m => $"{m.Option} {m.From} → {m.To}")]
                : null,
            // Every category either side has, so a cost the scenario no longer incurs shows as a negative difference.
            CostByCategory = [.. outcome.CostByCategory.Select(c => c.Category).Union(baseOutcome.CostByCategory.Select(b => b.Category)).Order()
                .Select(category =>
                {
                    var usd = outcome.CostByCategory.Where(c => c.Category == category).Sum(c => c.UsdPerYear);
                    return new CategoryCost(category, usd, usd - baseOutcome.CostByCategory.Where(b => b.Category == category).Sum(b => b.UsdPerYear));
                })],
        };
    }
}
