using System.Text.Json;

namespace Logistics.Network.Tests;

/// <summary>
/// A canonical text of a snapshot, for equality in tests: records holding ImmutableArrays compare arrays by
/// reference, so two equal snapshots are compared through their full serialisation instead.
/// </summary>
internal static class SnapshotText
{
    public static string Of(Model.Network n) => JsonSerializer.Serialize(new
    {
        n.Metadata,
        n.Commodities,
        n.Nodes,
        n.Links,
        n.Options,
        Rules = n.Rules.Select(r => (object)r).ToList(),
        n.Scenarios,
        n.Figures,
        n.AppliedScenario,
    });
}
