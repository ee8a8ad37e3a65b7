using System.Collections.Immutable;

using Logistics.Analysis;
using Logistics.Network.Diagnostics;
using Logistics.Network.IO;
using Logistics.Network.Model;
using Logistics.Optimisation;

namespace Logistics.Reports;

/// <summary>Everything a bundle renders: the network, the base solve, the analyses that ran, and the run manifest.</summary>
/// <param name="Base">The base network solved by the builder itself (its timings come from the injected clock).</param>
/// <param name="Comparison">Base and scenarios side by side; null when <c>compare</c> did not run.</param>
/// <param name="Warnings">Validator warnings of the base network (listed in the appendix).</param>
public sealed record ReportModel(
    RunManifest Manifest,
    NetworkSnapshot Network,
    SeedRegister Seeds,
    OptimisationResult Base,
    ComparisonReport? Comparison,
    ValueReport? Values,
    ResilienceReport? Resilience,
    ImmutableArray<SweepReport> Sweeps,
    ImmutableArray<Diagnostic> Warnings)
{
    public const string BaseId = "base";

    /// <summary>The uncertainty study (docs/analyses.md, "Uncertainty"); null when the request asked for none.</summary>
    public Analysis.Uncertainty.UncertaintyReport? Uncertainty { get; init; }

    /// <summary>Analyses that were asked for but could not run on this network, with the analysis's reason (a plan over time, for one).</summary>
    public ImmutableArray<(AnalysisKind Analysis, string Reason)> Skipped { get; init; } = [];

    /// <summary>What the report is of: the scenario applied (<see cref="RunManifest.Scenario"/>), or <c>base</c>.</summary>
    public string SubjectId => Manifest.Scenario ?? BaseId;

    /// <summary>
    /// The report's own solve first (the base, or the scenario the report is of), then every compared variant that has a
    /// result (solved or not), in comparison order. With a scenario applied the comparison's base is listed as <c>base</c>
    /// and its run of that scenario is left out (it is the first entry).
    /// </summary>
    public IEnumerable<SolvedVariant> Variants()
    {
        var subjectName = Manifest.Scenario is { } s ? Network.Scenarios.FirstOrDefault(x => x.Id.Value == s)?.Name ?? s : "Base";
        yield return new SolvedVariant(SubjectId, subjectName, Base);
        if (Comparison is null)
            yield break;
        foreach (var outcome in Comparison.Outcomes.Where(o => o.Result is not null))
        {
            if (outcome.Scenario is null)
            {
                if (Manifest.Scenario is not null)
                    yield return new SolvedVariant(BaseId, outcome.Name, outcome.Result!);
            }
            else if (outcome.Scenario != Manifest.Scenario)
            {
                yield return new SolvedVariant(outcome.Scenario, outcome.Name, outcome.Result!);
            }
        }
    }
}
