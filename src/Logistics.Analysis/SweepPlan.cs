using System.Collections.Immutable;

using Logistics.Network.IO;
using Logistics.Network.Loading;
using Logistics.Network.Model;

namespace Logistics.Analysis;

/// <summary>A checked sweep request with both ends bound: what every grid point and bisection starts from.</summary>
/// <param name="Values">Every grid value in order; the last is exactly <see cref="SweepRequest.To"/>.</param>
public sealed record SweepPlan(NetworkSource Source, SweepRequest Request, double Tolerance, ImmutableArray<double> Values, NetworkSnapshot First, NetworkSnapshot Last)
{
    /// <summary>The network bound once with the request's scenario, on which every value is made; null when the path cannot be set on a snapshot (every value is then bound from the tree).</summary>
    public LoadResult? Basis { get; init; }

    /// <summary>The request's path compiled once to the figures it sets; null with <see cref="Basis"/>.</summary>
    public CompiledChange? Compiled { get; init; }
}
