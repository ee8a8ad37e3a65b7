using System.Text.Json;

using Logistics.Network.Model;

namespace Logistics.Network.Tests;

/// <summary>
/// A canonical text of a snapshot, for equality in tests: records holding ImmutableArrays compare arrays by
/// reference, so two equal snapshots are compared through their full serialisation instead.
/// </summary>
internal static class SnapshotText
{
    public static string Of(NetworkSnapshot n) => JsonSerializer.Serialize(new
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
