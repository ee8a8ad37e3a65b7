using System.Collections.Immutable;
using System.Text.Json;

using NpgsqlTypes;

namespace Logistics.Distributed;

/// <summary>An item's result as stored: every unit's record, and the solves it took.</summary>
public sealed record ItemResult(ImmutableArray<string?> Units, int Solves, int Unproven)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public static ItemResult FromJson(string json) => JsonSerializer.Deserialize<ItemResult>(json, Json) ?? throw new JsonException("Expected an item result, found null.");
}
