using Logistics.Network.IO.Json;

namespace Logistics.Network.IO.Binding;

/// <summary>A figure as read from the file: where it is and the seed it cites, for the provenance checks.</summary>
/// <param name="Field">The field name (lat and lon compare with a seed's point).</param>
/// <param name="Adjusted">A scenario multiplied or added to it, so it need not equal its seed.</param>
/// <param name="Computed">Not written in the file (a great-circle length); no source is expected.</param>
public sealed record FigureRecord(
    string Path,
    string Field,
    double Value,
    string Unit,
    string? Source,
    SourcePosition Position,
    SourcePosition SourcePosition,
    bool Adjusted,
    bool Computed);
