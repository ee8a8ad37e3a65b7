using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

using Logistics.Network.Model;

namespace Logistics.Analysis;

/// <summary>
/// Writes analysis reports as JSON (the CLI's <c>--json FILE</c>): camelCase properties, enums as strings, typed
/// ids as plain strings, times as seconds. The shape is the records' shape (docs/analyses.md, "JSON").
/// </summary>
public static class AnalysisJson
{
    private static readonly JsonSerializerOptions Options = CreateOptions();

    public static string Serialize<T>(T report)
        where T : class => JsonSerializer.Serialize(report, Options);

    public static void WriteFile<T>(T report, string path)
        where T : class => File.WriteAllText(path, Serialize(report) + "\n");

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions
        {
            WriteIndented = true,
            PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
            NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        };
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase));
        options.Converters.Add(new IdConverter<NodeId>(v => new NodeId(v), id => id.Value));
        options.Converters.Add(new IdConverter<LinkId>(v => new LinkId(v), id => id.Value));
        options.Converters.Add(new IdConverter<CommodityId>(v => new CommodityId(v), id => id.Value));
        options.Converters.Add(new IdConverter<OptionId>(v => new OptionId(v), id => id.Value));
        options.Converters.Add(new IdConverter<RuleId>(v => new RuleId(v), id => id.Value));
        options.Converters.Add(new SecondsConverter());
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }

    private sealed class IdConverter<T>(Func<string, T> create, Func<T, string> value) : JsonConverter<T>
    {
        public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => create(reader.GetString() ?? "");

        public override void Write(Utf8JsonWriter writer, T id, JsonSerializerOptions options) => writer.WriteStringValue(value(id));
    }

    private sealed class SecondsConverter : JsonConverter<TimeSpan>
    {
        public override TimeSpan Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => TimeSpan.FromSeconds(reader.GetDouble());

        public override void Write(Utf8JsonWriter writer, TimeSpan value, JsonSerializerOptions options) => writer.WriteNumberValue(Math.Round(value.TotalSeconds, 6));
    }
}
