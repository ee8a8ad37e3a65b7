using System.Collections.Immutable;

using Logistics.Network.Diagnostics;
using Logistics.Network.IO;
using Logistics.Network.IO.Binding;
using Logistics.Network.Model;

namespace Logistics.Network.Loading;

/// <summary>How to load a network: which scenario to apply, whether warnings fail, and extra numeric changes (sweeps).</summary>
public sealed record LoadOptions
{
    /// <summary>Id of the scenario to apply; null for the base network.</summary>
    public string? Scenario { get; init; }

    /// <summary>Treat every warning as an error.</summary>
    public bool Strict { get; init; }

    /// <summary>Numeric changes applied after the scenario, by path (analyses use them to sweep a figure without editing files).</summary>
    public ImmutableArray<ScenarioChange> ExtraChanges { get; init; } = [];

    /// <summary>
    /// Run the structural checks even when the variant changes only cost figures (by default it reuses the findings of
    /// the file's own structure, which are the same): for the test that proves the reuse exact.
    /// </summary>
    public bool RecheckStructure { get; init; }

    /// <summary>
    /// Bind every period's snapshot through a copy of the tree, as before periods were change sets on the file's
    /// snapshot: for the test that proves the change sets exact.
    /// </summary>
    public bool PeriodsThroughTree { get; init; }
}

/// <summary>
/// The outcome of a load: the snapshot (null when it could not be built) and every problem found, sorted by
/// file, line and column. <see cref="Seeds"/> is the register the figures cite (for the assumptions appendix).
/// </summary>
public sealed record LoadResult(NetworkSnapshot? Network, ImmutableArray<Diagnostic> Diagnostics)
{
    /// <summary>True when there is a network and no diagnostic is an error.</summary>
    public bool Succeeded => Network is not null && !Diagnostics.Any(d => d.Severity == Severity.Error);

    public SeedRegister Seeds { get; init; } = SeedRegister.Empty;

    /// <summary>Where each element and field was written (id-form paths), for tools that point into the file.</summary>
    public SourceMap? SourceMap { get; init; }

    public ImmutableArray<Diagnostic> Errors => [.. Diagnostics.Where(d => d.Severity == Severity.Error)];

    public ImmutableArray<Diagnostic> Warnings => [.. Diagnostics.Where(d => d.Severity == Severity.Warning)];
}

/// <summary>One-call loading: read the files, bind, apply the scenario, validate.</summary>
public static class NetworkLoader
{
    public static LoadResult Load(string path, LoadOptions? options = null)
    {
        var (source, diagnostics) = Diagnostics.StageTimings.Measure("read (files, JSON, overlays, seeds, hash)", () => NetworkSource.Read(path));
        if (source is null)
            return new LoadResult(null, Validation.DiagnosticOrder.Sort(diagnostics, options?.Strict ?? false));
        return Diagnostics.StageTimings.Measure("bind and validate", () => source.Bind(options));
    }
}
