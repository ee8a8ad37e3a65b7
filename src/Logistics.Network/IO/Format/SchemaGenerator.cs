using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Logistics.Network.IO.Format;

/// <summary>
/// Generates the JSON Schemas in <c>schema/</c> from <see cref="FormatTable"/>, so editors validate and complete
/// files with exactly the rules the loader applies (except cross-references, which a schema cannot express).
/// </summary>
public static class SchemaGenerator
{
    /// <summary>File name → schema text, for every schema the repository ships.</summary>
    public static IReadOnlyList<(string FileName, string Text)> All() =>
    [
        ("network.schema.json", Generate(FormatTable.Network, "Logistics network file (format v1)")),
        ("scenario.schema.json", Generate(FormatTable.ScenarioFile, "Logistics scenario overlay file (format v1)")),
        ("seeds.schema.json", Generate(FormatTable.SeedsFile, "Logistics seeds register file (format v1)")),
    ];

    public static string Generate(ElementSpec root, string title)
    {
        var schema = new JsonObject
        {
            ["$schema"] = "https://json-schema.org/draft/2020-12/schema",
            ["title"] = title,
            ["description"] = $"{root.Description} Generated from the format table (src/Logistics.Network/IO/Format/FormatTable.cs); do not edit by hand.",
        };
        foreach (var (key, value) in ElementBody(root)) schema[key] = value;
        var defs = new JsonObject
        {
            ["id"] = new JsonObject { ["type"] = "string", ["pattern"] = FormatTable.IdPattern, ["description"] = "Lower-case letters, digits and hyphens, starting with a letter." },
        };
        foreach (var element in FormatTable.ElementsFrom(root).Skip(1)) defs[element.Name] = Element(element);
        if (FormatTable.ElementsFrom(root).Any(e => e.Field("file") is not null))
        {
            defs["fileReference"] = new JsonObject
            {
                ["type"] = "object",
                ["description"] = "A scenario kept in its own overlay file, relative to this file.",
                ["properties"] = new JsonObject { ["file"] = new JsonObject { ["type"] = "string" } },
                ["required"] = new JsonArray("file"),
                ["additionalProperties"] = false,
            };
        }

        schema["$defs"] = defs;
        return schema.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }) + "\n";
    }

    private static JsonObject Element(ElementSpec element)
    {
        var obj = new JsonObject { ["title"] = element.Title, ["description"] = element.Description };
        foreach (var (key, value) in ElementBody(element)) obj[key] = value;
        return obj;
    }

    private static IEnumerable<(string Key, JsonNode Value)> ElementBody(ElementSpec element)
    {
        var properties = new JsonObject();
        var fields = element.Fields.Where(f => f.Name != "file").ToList();
        foreach (var field in fields) properties[field.Name] = Field(field);
        yield return ("type", "object");
        yield return ("properties", properties);
        var required = fields.Where(f => f.Required).Select(f => (JsonNode)f.Name).ToArray();
        if (required.Length > 0) yield return ("required", new JsonArray(required));
        yield return ("additionalProperties", false);
    }

    private static JsonObject Field(FieldSpec field)
    {
        var description = FormatDocsGenerator.Meaning(field);
        JsonObject schema;
        switch (field.Type)
        {
            case FieldType.String:
                schema = new JsonObject { ["type"] = "string" };
                if (!field.Allowed.IsDefaultOrEmpty) schema["enum"] = new JsonArray([.. field.Allowed.Select(a => (JsonNode)a)]);
                break;
            case FieldType.Id:
                schema = new JsonObject { ["$ref"] = "#/$defs/id" };
                break;
            case FieldType.Boolean:
                schema = new JsonObject { ["type"] = "boolean" };
                break;
            case FieldType.Number:
            case FieldType.Integer:
                var number = NumberSchema(field);
                schema = field.Figure
                    ? new JsonObject
                    {
                        ["anyOf"] = new JsonArray(
                            number,
                            new JsonObject
                            {
                                ["type"] = "object",
                                ["properties"] = new JsonObject { ["value"] = NumberSchema(field), ["source"] = new JsonObject { ["$ref"] = "#/$defs/id" } },
                                ["required"] = new JsonArray("value"),
                                ["additionalProperties"] = false,
                            }),
                    }
                    : number;
                break;
            case FieldType.Object:
                schema = new JsonObject { ["$ref"] = $"#/$defs/{field.Element!.Name}" };
                break;
            case FieldType.IdList:
                schema = new JsonObject { ["type"] = "array", ["items"] = new JsonObject { ["$ref"] = "#/$defs/id" } };
                break;
            default:
                JsonNode items = field.Element!.Field("file") is not null
                    ? new JsonObject { ["anyOf"] = new JsonArray(new JsonObject { ["$ref"] = "#/$defs/fileReference" }, new JsonObject { ["$ref"] = $"#/$defs/{field.Element.Name}" }) }
                    : new JsonObject { ["$ref"] = $"#/$defs/{field.Element.Name}" };
                schema = new JsonObject { ["type"] = "array", ["items"] = items };
                break;
        }

        schema["description"] = description;
        if (field.Default is not null) schema["default"] = JsonNode.Parse(field.DefaultJson!);
        return schema;
    }

    private static JsonObject NumberSchema(FieldSpec field)
    {
        var schema = new JsonObject { ["type"] = field.Type == FieldType.Integer ? "integer" : "number" };
        if (!field.Allowed.IsDefaultOrEmpty)
        {
            schema["enum"] = new JsonArray([.. field.Allowed.Select(a => (JsonNode)int.Parse(a, CultureInfo.InvariantCulture))]);
            return schema;
        }

        if (field.EffectiveMinimum is { } min && min > double.MinValue) schema["minimum"] = min;
        if (field.EffectiveMaximum is { } max && max < double.MaxValue) schema["maximum"] = max;
        return schema;
    }
}
