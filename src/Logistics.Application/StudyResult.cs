using System.Collections.Immutable;

using Logistics.Analysis;
using Logistics.Analysis.Uncertainty;
using Logistics.Optimisation;

namespace Logistics.Application;

/// <summary>
/// What a study gave: its input, the study's own solve and each analysis's record (null when it did not run), computed
/// by <see cref="StudyRunner"/> or assembled from work items elsewhere (a distributed report study).
/// </summary>
/// <param name="Input">What was read and bound; when it did not succeed nothing was solved.</param>
/// <param name="Analyses">The analyses asked for, in report order.</param>
/// <param name="Base">The study's own solve (the base, or the scenario the study is of), with prices; null when it was skipped or the input is invalid.</param>
/// <param name="Comparison">Null when <c>compare</c> did not run.</param>
/// <param name="Values">Null when <c>value</c> did not run or could not (see <see cref="Skipped"/>).</param>
/// <param name="Resilience">Null when <c>resilience</c> did not run or could not (see <see cref="Skipped"/>).</param>
/// <param name="Sweeps">One report per sweep run, in request order.</param>
/// <param name="Uncertainty">Null when the request asked for no uncertainty study.</param>
public sealed record StudyResult(
    StudyInput Input,
    ImmutableArray<AnalysisKind> Analyses,
    OptimisationResult? Base,
    ComparisonReport? Comparison,
    ValueReport? Values,
    ResilienceReport? Resilience,
    ImmutableArray<SweepReport> Sweeps,
    UncertaintyReport? Uncertainty)
{
    /// <summary>Analyses that ran and found they do not apply to this network, with their own reason.</summary>
    public ImmutableArray<(AnalysisKind Analysis, string Reason)> Skipped { get; init; } = [];

    /// <summary>When the study started, by the runner's clock.</summary>
    public DateTimeOffset StartedAt { get; init; }

    /// <summary>How long loading, solving and the analyses took, by the same clock.</summary>
    public TimeSpan Elapsed { get; init; }

    /// <summary>A study whose input did not succeed: nothing solved.</summary>
    public static StudyResult Invalid(StudyInput input, ImmutableArray<AnalysisKind> analyses) => new(input, analyses, null, null, null, null, [], null);
}
