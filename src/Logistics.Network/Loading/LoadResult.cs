using System.Collections.Immutable;

using Logistics.Network.Diagnostics;
using Logistics.Network.IO;
using Logistics.Network.IO.Binding;
using Logistics.Network.Model;

namespace Logistics.Network.Loading;

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
