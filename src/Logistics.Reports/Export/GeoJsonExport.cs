using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

using Logistics.Network.Model;
using Logistics.Optimisation;

namespace Logistics.Reports.Export;

/// <summary>
/// network.geojson (RFC 7946): a Point per node and a LineString per link, coordinates in [longitude, latitude]
/// order, with the base plan's tonnes and utilisation as properties. Every link's <c>capacityTpy</c> is its effective
/// capacity in the base plan (built increments included, 0 when not built), <c>baseCapacityTpy</c> the file's figure. Sea legs run to the markets' real coordinates,
/// so the file opens in QGIS or any web map without the report's projection tricks.
/// </summary>
internal static class GeoJsonExport
{
    public static string Write(NetworkSnapshot network, OptimisationResult result)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            var built = result.Builds.Where(b => b.Built).Select(b => b.Id).ToHashSet();
            var ports = result.PortFlows.ToDictionary(p => p.Port);
            var flows = result.LinkFlows.GroupBy(f => f.Link).ToDictionary(g => g.Key, g => g.ToList());
            json.WriteStartObject();
            json.WriteString("type", "FeatureCollection");
            json.WriteString("name", network.Metadata.Name);
            json.WriteStartArray("features");
            foreach (var node in network.Nodes)
            {
                json.WriteStartObject();
                json.WriteString("type", "Feature");
                json.WriteString("id", "node:" + node.Id.Value);
                json.WriteStartObject("geometry");
                json.WriteString("type", "Point");
                json.WriteStartArray("coordinates");
                json.WriteNumberValue(node.Longitude);
                json.WriteNumberValue(node.Latitude);
                json.WriteEndArray();
                json.WriteEndObject();
                json.WriteStartObject("properties");
                json.WriteString("feature", "node");
                json.WriteString("id", node.Id.Value);
                json.WriteString("name", node.Name);
                json.WriteString("kind", ResultJsonWriter.Name(node.Kind));
                if (ports.TryGetValue(node.Id, out var port))
                {
                    json.WriteNumber("throughputTpy", port.ThroughputTpy);
                    Number(json, "capacityTpy", port.CapacityTpy);
                    Number(json, "utilisation", port.Utilisation);
                }

                json.WriteEndObject();
                json.WriteEndObject();
            }

            foreach (var link in network.Links)
            {
                var from = network.Node(link.From);
                var to = network.Node(link.To);
                var linkFlows = flows.GetValueOrDefault(link.Id) ?? [];
                json.WriteStartObject();
                json.WriteString("type", "Feature");
                json.WriteString("id", "link:" + link.Id.Value);
                json.WriteStartObject("geometry");
                json.WriteString("type", "LineString");
                json.WriteStartArray("coordinates");
                foreach (var n in new[] { from, to })
                {
                    json.WriteStartArray();
                    json.WriteNumberValue(n.Longitude);
                    json.WriteNumberValue(n.Latitude);
                    json.WriteEndArray();
                }

                json.WriteEndArray();
                json.WriteEndObject();
                json.WriteStartObject("properties");
                json.WriteString("feature", "link");
                json.WriteString("id", link.Id.Value);
                json.WriteString("name", link.Name);
                json.WriteString("mode", ResultJsonWriter.Name(link.Mode));
                json.WriteString("from", link.From.Value);
                json.WriteString("to", link.To.Value);
                json.WriteNumber("lengthKm", Math.Round(link.LengthKm, 3));
                if (link.BuiltBy is { } option) json.WriteString("builtBy", option.Value);
                else json.WriteNull("builtBy");
                json.WriteBoolean("exists", link.BuiltBy is null || built.Contains(link.BuiltBy.Value));
                json.WriteNumber("forwardTpy", linkFlows.Where(f => f.Direction == LinkTravel.Forward).Sum(f => f.TotalTpy));
                json.WriteNumber("reverseTpy", linkFlows.Where(f => f.Direction == LinkTravel.Reverse).Sum(f => f.TotalTpy));
                json.WriteNumber("totalTpy", linkFlows.Sum(f => f.TotalTpy));
                // Effective capacity for every link, idle or not (a link's flows would only give it where there is flow).
                Number(json, "capacityTpy", EffectiveCapacity(network, link, built));
                Number(json, "baseCapacityTpy", link.CapacityTpy);
                Number(json, "utilisation", linkFlows.Where(f => f.Utilisation is not null).Select(f => f.Utilisation).Max());
                json.WriteEndObject();
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }

    /// <summary>
    /// The link's capacity in the base plan: its own capacity plus the increments of built options; 0 when the option
    /// that builds it is not built; null when unlimited. The optimiser's own rule (FlowReporter.LinkCapacity).
    /// </summary>
    internal static double? EffectiveCapacity(NetworkSnapshot network, Link link, IReadOnlySet<OptionId> built)
    {
        if (link.BuiltBy is { } builder && !built.Contains(builder))
            return 0;
        if (link.CapacityTpy is not { } capacity)
            return null;
        return capacity + network.Options.Where(o => built.Contains(o.Id) && !o.CapacityAdds.IsDefault)
            .SelectMany(o => o.CapacityAdds).Where(a => a.Link == link.Id).Sum(a => a.AddedTpy);
    }

    private static void Number(Utf8JsonWriter json, string name, double? value)
    {
        if (value is { } v) json.WriteNumber(name, v);
        else json.WriteNull(name);
    }
}
