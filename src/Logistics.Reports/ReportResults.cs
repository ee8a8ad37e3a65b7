using System.Collections.Immutable;

using Logistics.Analysis;
using Logistics.Analysis.Uncertainty;
using Logistics.Optimisation;

namespace Logistics.Reports;

/// <summary>
/// What a report's solves and analyses gave: computed by <see cref="ReportBundleBuilder"/> itself, or elsewhere (a
/// distributed report study) and handed to <see cref="ReportBundleBuilder.Assemble"/> to be written as a bundle.
/// </summary>
/// <param name="Base">The report's own solve (the base, or the scenario the report is of), with prices.</param>
/// <param name="Comparison">Null when <c>compare</c> did not run.</param>
/// <param name="Values">Null when <c>value</c> did not run or could not (see <see cref="Skipped"/>).</param>
/// <param name="Resilience">Null when <c>resilience</c> did not run or could not (see <see cref="Skipped"/>).</param>
/// <param name="Sweeps">One report per sweep run, in request order.</param>
/// <param name="Uncertainty">Null when the request asked for no uncertainty study.</param>
public sealed record ReportResults(
    OptimisationResult Base,
    ComparisonReport? Comparison,
    ValueReport? Values,
    ResilienceReport? Resilience,
    ImmutableArray<SweepReport> Sweeps,
    UncertaintyReport? Uncertainty)
{
    /// <summary>Analyses that ran and found they do not apply to this network, with their own reason (a plan over time's are added by the builder).</summary>
    public ImmutableArray<(AnalysisKind Analysis, string Reason)> Skipped { get; init; } = [];
}
