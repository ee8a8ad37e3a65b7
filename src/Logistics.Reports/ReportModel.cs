using System.Collections.Immutable;

using Logistics.Analysis;
using Logistics.Network.Diagnostics;
using Logistics.Network.IO;
using Logistics.Optimisation;

namespace Logistics.Reports;

/// <summary>What was run, on what, with which tools, and when (the clock is the builder's injected one).</summary>
/// <param name="NetworkFile">The network file's name.</param>
/// <param name="InputHash">SHA-256 over the network file, its overlay files and the seeds files (<see cref="NetworkSource.ContentHash"/>).</param>
/// <param name="InputFiles">Every file read, relative to the network file's folder.</param>
/// <param name="ToolVersion">Version of logistics.</param>
/// <param name="StartedAt">When the run started.</param>
/// <param name="Elapsed">How long the whole run took, by the same clock.</param>
/// <param name="Analyses">The analyses run, in report order.</param>
/// <param name="IncludeTimings">Whether the bundle shows <see cref="StartedAt"/>, <see cref="Elapsed"/> and each solve's time (run-dependent, so off for byte-identical output).</param>
public sealed record RunManifest(
    string NetworkFile,
    string InputHash,
    ImmutableArray<string> InputFiles,
    string ToolVersion,
    DateTimeOffset StartedAt,
    TimeSpan Elapsed,
    ImmutableArray<string> Analyses,
    ImmutableArray<string> Scenarios,
    TimeSpan? SolveTimeLimit,
    double? RelativeGap,
    int Parallelism,
    bool IncludeTimings = true)
{
    /// <summary>The uncertainty study's settings (draws, seed) when one ran; written into the manifest so its numbers can be redone.</summary>
    public ReportUncertainty? Uncertainty { get; init; }
}

/// <summary>One solved variant (the base or a scenario), as the tables list it.</summary>
/// <param name="Scenario">Scenario id; <c>base</c> for the base network.</param>
public sealed record SolvedVariant(string Scenario, string Name, OptimisationResult Result);

/// <summary>Everything a bundle renders: the network, the base solve, the analyses that ran, and the run manifest.</summary>
/// <param name="Base">The base network solved by the builder itself (its timings come from the injected clock).</param>
/// <param name="Comparison">Base and scenarios side by side; null when <c>compare</c> did not run.</param>
/// <param name="Warnings">Validator warnings of the base network (listed in the appendix).</param>
public sealed record ReportModel(
    RunManifest Manifest,
    Network.Model.Network Network,
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

    /// <summary>The base, then every compared scenario that has a result (solved or not), in comparison order.</summary>
    public IEnumerable<SolvedVariant> Variants()
    {
        yield return new SolvedVariant(BaseId, "Base", Base);
        if (Comparison is null)
            yield break;
        foreach (var outcome in Comparison.Outcomes.Where(o => o.Scenario is not null && o.Result is not null))
            yield return new SolvedVariant(outcome.Scenario!, outcome.Name, outcome.Result!);
    }
}
