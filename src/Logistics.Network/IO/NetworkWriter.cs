using System.Collections.Frozen;
using System.Text;
using System.Text.Json;

using Logistics.Network.IO.Format;
using Logistics.Network.Model;

namespace Logistics.Network.IO;

/// <summary>
/// Writes a snapshot back to the file format, deterministically (elements in id order, fields in table order), by
/// walking the rows of <see cref="FormatTable"/>: each row's access gives the value and its codec decides whether the
/// file needs it. A figure is written when the snapshot lists it in <see cref="NetworkSnapshot.Figures"/> (with its
/// source) or when it differs from the field's default, so load → write → load gives the same snapshot. Great-circle
/// lengths are left out (they are recomputed); the seeds folder is not part of a snapshot and takes its default.
/// </summary>
public static class NetworkWriter
{
    public static string Write(NetworkSnapshot network)
    {
        var figures = network.Figures.GroupBy(f => f.Path, StringComparer.Ordinal).ToFrozenDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            w.WriteStartObject();
            WriteRows(w, figures, network, FormatTable.Network, "");
            w.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }

    /// <summary>Every row of <paramref name="spec"/> that applies to <paramref name="record"/>, in table order.</summary>
    private static void WriteRows(Utf8JsonWriter w, FrozenDictionary<string, FigureProvenance> figures, object record, ElementSpec spec, string path)
    {
        var sink = new Sink(w, figures, path);
        foreach (var field in spec.Fields)
        {
            if (field.Access is { } access && access.AppliesTo(record))
                access.Write(record, sink, field);
            else if (field.Element == FormatTable.Circuity)
                WriteCircuity(w, figures, field, path);
        }
    }

    /// <summary>Circuity is not part of a snapshot: the figures the file gave are written back as they were recorded.</summary>
    private static void WriteCircuity(Utf8JsonWriter w, FrozenDictionary<string, FigureProvenance> figures, FieldSpec field, string path)
    {
        var at = $"{path}.{field.Name}";
        var given = field.Element!.Fields.Where(c => figures.ContainsKey($"{at}.{c.Name}")).ToList();
        if (given.Count == 0) return;
        w.WriteStartObject(field.Name);
        var sink = new Sink(w, figures, at);
        foreach (var c in given) sink.Number(c, figures[$"{at}.{c.Name}"].Value, isDefault: false);
        w.WriteEndObject();
    }

    /// <summary>Writes one element's fields; numbers as plain values or as <c>{ value, source }</c> when the snapshot records a source.</summary>
    private sealed class Sink(Utf8JsonWriter w, FrozenDictionary<string, FigureProvenance> figures, string path) : IFieldSink
    {
        public void Text(FieldSpec field, string value) => w.WriteString(field.Name, value);

        public void Number(FieldSpec field, double value, bool isDefault)
        {
            if (!field.Figure)
            {
                if (isDefault) return;
                if (field.Type == FieldType.Integer) w.WriteNumber(field.Name, (long)value);
                else w.WriteNumber(field.Name, value);
                return;
            }

            figures.TryGetValue($"{path}.{field.Name}", out var figure);
            if (figure is null && isDefault) return;
            if (figure?.Source is { } source)
            {
                w.WriteStartObject(field.Name);
                w.WriteNumber("value", value);
                w.WriteString("source", source.Value);
                w.WriteEndObject();
            }
            else
            {
                w.WriteNumber(field.Name, value);
            }
        }

        public void Boolean(FieldSpec field, bool value) => w.WriteBoolean(field.Name, value);

        public void Ids(FieldSpec field, IReadOnlyList<string> ids)
        {
            w.WriteStartArray(field.Name);
            foreach (var id in ids) w.WriteStringValue(id);
            w.WriteEndArray();
        }

        public void Element(FieldSpec field, object item, string key, bool inList)
        {
            var prefix = path.Length == 0 ? field.Name : $"{path}.{field.Name}";
            if (inList) w.WriteStartObject();
            else w.WriteStartObject(field.Name);
            WriteRows(w, figures, item, field.Element!, inList ? $"{prefix}[{key}]" : prefix);
            w.WriteEndObject();
        }

        public void StartList(FieldSpec field) => w.WriteStartArray(field.Name);

        public void EndList() => w.WriteEndArray();
    }
}
