using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

using Logistics.Network.Model;
using Logistics.Optimisation;

namespace Logistics.Analysis;

/// <summary>
/// Writes analysis reports as JSON (the CLI's <c>--json FILE</c>): camelCase properties, enums as strings, typed
/// ids as plain strings, times as seconds. The shape is the records' shape (docs/analyses.md, "JSON").
/// Solver timings are the only figures that differ from run to run, so they are left out unless asked for:
/// the same input then gives the same bytes.
/// </summary>
public static class AnalysisJson
{
    private static readonly JsonSerializerOptions Deterministic = CreateOptions(includeTimings: false);
    private static readonly JsonSerializerOptions WithTimings = CreateOptions(includeTimings: true);

    /// <param name="includeTimings">Also write each solve's build/solve/extract/price/wall times (<see cref="SolverRun"/>), which vary run to run.</param>
    public static string Serialize<T>(T report, bool includeTimings = false)
        where T : class => JsonSerializer.Serialize(report, includeTimings ? WithTimings : Deterministic);

    /// <summary>
    /// Reads back what <see cref="Serialize"/> wrote (a distributed study stores each work item's result this way and
    /// assembles the records again). Doubles round-trip exactly; solver times only when they were written.
    /// </summary>
    /// <exception cref="JsonException">The text is not such a record.</exception>
    public static T Deserialize<T>(string json)
        where T : class => JsonSerializer.Deserialize<T>(json, WithTimings) ?? throw new JsonException($"Expected a {typeof(T).Name}, found null.");

    /// <summary>What a <c>--json</c> file holds: <see cref="Serialize"/> and a final newline. The host writes it.</summary>
    public static string ToFileText<T>(T report, bool includeTimings = false)
        where T : class => Serialize(report, includeTimings) + "\n";

    private static JsonSerializerOptions CreateOptions(bool includeTimings)
    {
        var resolver = new DefaultJsonTypeInfoResolver();
        if (!includeTimings)
            resolver.Modifiers.Add(WithoutSolverTimes);
        var options = new JsonSerializerOptions
        {
            TypeInfoResolver = resolver,
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
        options.Converters.Add(new IdConverter<SeedId>(v => new SeedId(v), id => id.Value));
        options.Converters.Add(new IdConverter<PeriodId>(v => new PeriodId(v), id => id.Value));
        options.Converters.Add(new SecondsConverter());
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }

    /// <summary>Drops the wall-clock durations of a <see cref="SolverRun"/> (every TimeSpan it has is one).</summary>
    private static void WithoutSolverTimes(JsonTypeInfo info)
    {
        if (info.Type != typeof(SolverRun)) return;
        foreach (var property in info.Properties.Where(p => p.PropertyType == typeof(TimeSpan)).ToList())
            info.Properties.Remove(property);
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
