using System.Collections.Immutable;

using Logistics.Network.IO.Binding;
using Logistics.Network.IO.Format;
using Logistics.Network.IO.Json;
using Logistics.Network.Model;

namespace Logistics.Network.IO;

/// <summary>One entry of the assumptions register (<c>seeds/*.json</c>).</summary>
public sealed record Seed(
    SeedId Id,
    double? Value,
    double? Low,
    double? High,
    SeedPoint? Point,
    string Unit,
    SeedCitation? Source,
    SeedConfidence Confidence,
    string Derived,
    string Note,
    ImmutableArray<SeedAlternative> Alternatives,
    string File)
{
    /// <summary>A figure kept for the record, not a model input (<c>"contextOnly": true</c>): it may stay uncited.</summary>
    public bool ContextOnly { get; init; }
    /// <summary>How the uncertainty analysis samples it; triangular unless the entry says otherwise.</summary>
    public SeedDistribution Distribution { get; init; } = SeedDistribution.Triangular;

    /// <summary>The seed's figure for a field: its value, or the point's latitude/longitude for lat/lon fields.</summary>
    public double? ValueFor(string field) => field switch
    {
        "lat" when Point is not null => Point.Latitude,
        "lon" when Point is not null => Point.Longitude,
        _ => Value,
    };
}
