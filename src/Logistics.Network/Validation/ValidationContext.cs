using System.Collections.Immutable;

using Logistics.Network.Diagnostics;
using Logistics.Network.IO;
using Logistics.Network.IO.Binding;
using Logistics.Network.IO.Json;
using Logistics.Network.Model;

namespace Logistics.Network.Validation;

/// <summary>What every check needs: the snapshot, where its parts were written, its figures and the seeds register.</summary>
public sealed record ValidationContext(
    NetworkSnapshot Network,
    SourceMap Map,
    ImmutableArray<FigureRecord> Figures,
    SeedRegister Seeds,
    ImmutableArray<string> ChangeSources,
    string File)
{
    /// <summary>True when the snapshot is the base network as written (no scenario, no extra changes): only then is "seed unused" meaningful.</summary>
    public bool IsBase { get; init; } = true;

    /// <summary>Makes a diagnostic at the position recorded for <paramref name="path"/> (or its enclosing element).</summary>
    public Diagnostic At(DiagnosticCode code, string path, string message, string? hint = null) =>
        code.At(Map.Find(path) ?? new SourcePosition(File, 0, 0), path, message, hint);
}
