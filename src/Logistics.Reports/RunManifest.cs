using System.Collections.Immutable;

using Logistics.Analysis;
using Logistics.Network.IO;
using Logistics.Network.Model;
using Logistics.Optimisation;

namespace Logistics.Reports;

/// <summary>What was run, on what, with which tools, and when (the clock is the builder's injected one).</summary>
/// <param name="NetworkFile">The network file's name.</param>
/// <param name="InputHash">SHA-256 over the network file, its overlay files and the seeds files (<see cref="Network.Loading.NetworkSource.ContentHash"/>).</param>
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
    ImmutableArray<AnalysisKind> Analyses,
    ImmutableArray<string> Scenarios,
    TimeSpan? SolveTimeLimit,
    double? RelativeGap,
    int Parallelism,
    bool IncludeTimings = true)
{
    /// <summary>The scenario applied to the network the report is of (<see cref="ReportRequest.Scenario"/>); null for the file's base.</summary>
    public string? Scenario { get; init; }
    /// <summary>The uncertainty study's settings (draws, seed) when one ran; written into the manifest so its numbers can be redone.</summary>
    public ReportUncertainty? Uncertainty { get; init; }
}
