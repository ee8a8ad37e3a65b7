using System.Globalization;
using System.Text;

using Logistics.Network.Diagnostics;

namespace Logistics.Network.IO.Format;

/// <summary>Generates docs/format.md and docs/diagnostics.md from <see cref="FormatTable"/> and <see cref="DiagnosticCodes"/>.</summary>
public static class FormatDocsGenerator
{
    /// <summary>File name → Markdown text, for every generated document.</summary>
    public static IReadOnlyList<(string FileName, string Text)> All() =>
        [("format.md", FormatReference()), ("diagnostics.md", DiagnosticsReference())];

    /// <summary>A field's description with its unit and what absence means: the text the docs and the schema share.</summary>
    public static string Meaning(FieldSpec field)
    {
        var text = new StringBuilder(field.Description);
        if (field.Unit is not null) text.Append(CultureInfo.InvariantCulture, $" Unit: {FormatTable.UnitOf(field.Unit).Meaning}.");
        if (field.AbsentMeans is not null) text.Append(CultureInfo.InvariantCulture, $" Absent: {field.AbsentMeans}.");
        if (field.RefersTo is not null) text.Append(CultureInfo.InvariantCulture, $" Names an element of {field.RefersTo}.");
        return text.ToString();
    }

    public static string FormatReference()
    {
        var md = new StringBuilder();
        md.AppendLine("# Network file format (version 1)");
        md.AppendLine();
        md.AppendLine("<!-- Generated from src/Logistics.Network/IO/Format/FormatTable.cs by `logistics docs --out docs`; a test fails when this file drifts. Do not edit by hand. -->");
        md.AppendLine();
        md.AppendLine("A network is one JSON file, `networks/<name>.network.json`. Comments (`//`, `/* */`) and trailing commas are allowed.");
        md.AppendLine("Name the schema in `$schema` (`../schema/network.schema.json`) and an editor such as VS Code validates and completes the file.");
        md.AppendLine("`logistics validate FILE` checks everything the schema cannot: references, reachability, capacities, provenance (see [diagnostics](diagnostics.md)).");
        md.AppendLine();
        md.AppendLine("## Conventions");
        md.AppendLine();
        md.AppendLine($"- **Ids** match `{FormatTable.IdPattern}`: lower-case letters, digits and hyphens, starting with a letter (never all digits, so `[12]` in a path is an index).");
        md.AppendLine("- **Units are in field names**: `lengthKm`, `capacityTpy` (tonnes per year), `capexUsd`, `tariffUsdPerTkm`. Money is real US dollars of `metadata.baseYear`.");
        md.AppendLine("- **Figures**: any number marked *figure* below may be written as `884` or as `{ \"value\": 884, \"source\": \"seed-id\" }`, where `source` names a seed of the");
        md.AppendLine("  assumptions register (`seeds/*.json`). An element's own `\"source\"` applies to its figures that name none. `logistics validate` warns about figures without a source.");
        md.AppendLine("- **Defaults**: a field with a default may be left out. Required fields must be written.");
        md.AppendLine(CultureInfo.InvariantCulture, $"- **Size**: files over {FormatTable.MaxFileBytes / (1024 * 1024)} MiB are refused.");
        md.AppendLine();
        md.AppendLine("## Units and sane ranges");
        md.AppendLine();
        md.AppendLine("A value outside its unit's range is reported as an impossible number (LG0202; coordinates LG0203).");
        md.AppendLine();
        md.AppendLine("| Unit | Meaning | Minimum | Maximum |");
        md.AppendLine("|---|---|---|---|");
        foreach (var unit in FormatTable.UnitList)
            md.AppendLine(CultureInfo.InvariantCulture, $"| `{unit.Name}` | {unit.Meaning} | {Num(unit.Minimum)} | {Num(unit.Maximum)} |");
        md.AppendLine();
        md.AppendLine("## Network file");
        md.AppendLine();
        foreach (var element in FormatTable.ElementsFrom(FormatTable.Network)) Element(md, element);
        md.AppendLine("## Scenario paths");
        md.AppendLine();
        md.AppendLine("A scenario change names one numeric field by path and gives exactly one of `set`, `multiply` or `add`. Paths:");
        md.AppendLine("`metadata.discountRate`, `metadata.capexBudgetUsd`, `metadata.circuity.rail`, `commodities[ID].valueUsdPerTonne`, `nodes[ID].lat`,");
        md.AppendLine("`nodes[ID].transhipmentUsdPerTonne`, `nodes[ID].supply[COMMODITY].tonnesPerYear`, `nodes[ID].port.capacityTpy`, `nodes[ID].port.handlingUsdPerTonne`,");
        md.AppendLine("`nodes[ID].demand[COMMODITY].priceUsdPerTonne` (also `minTpy`, `maxTpy`), `links[ID].<numeric field>`, `options[ID].<numeric field>`,");
        md.AppendLine("`options[ID].capacityAdds[TARGET-ID].addTpy`. `[*]` matches every element of a list; `[12]` (all digits) is an index.");
        md.AppendLine("`[FIELD=VALUE]` filters a list by a text field of its elements (a list of ids holds VALUE; an absent field compares its default):");
        md.AppendLine("`links[mode=rail].tariffUsdPerTkm` changes the rail tariffs only, `nodes[kind=port].port.capacityTpy` every port. A value may not contain `.`, `[` or `]`;");
        md.AppendLine("a filter on a field the element lacks or that is not text is LG0403, one that selects no element LG0402 (\"changes 0 figures\"). `sweep` prints how many figures its path changes.");
        md.AppendLine("A path that matches nothing is an error (LG0402). `set` on an absent field writes it (`set` on `links[x].capacityTpy` caps an unlimited link);");
        md.AppendLine("`multiply` and `add` need a value or a default. A `set` with a `source` cites that seed; a multiplied or added figure keeps its source and is not compared with it.");
        md.AppendLine("`forceBuild`/`forbidBuild` fix options' build decisions; `disable` removes nodes (with their links) and links, and forbids options; `enableRules`/`disableRules` switch rules.");
        md.AppendLine("Links without `lengthKm` get the great-circle (haversine) distance between their ends times `metadata.circuity[mode]`; `logistics describe` lists them.");
        md.AppendLine();
        md.AppendLine("## Scenario overlay file");
        md.AppendLine();
        md.AppendLine("A scenario may live in its own file, `networks/<name>.<scenario>.scenario.json`, named from the network by `{ \"file\": \"<name>.<scenario>.scenario.json\" }` in `scenarios`.");
        md.AppendLine("Schema: `../schema/scenario.schema.json`.");
        md.AppendLine();
        Element(md, FormatTable.ScenarioFile);
        md.AppendLine("## Seeds register");
        md.AppendLine();
        md.AppendLine("Every `*.json` file in the folder named by `metadata.seeds` (default `../seeds`) is read. Schema: `../schema/seeds.schema.json`.");
        md.AppendLine("A figure whose value lies outside its seed's `[low, high]` (or differs from its `value` by more than 1e-9 relative when there is no range) is reported (LG0604).");
        md.AppendLine();
        foreach (var element in FormatTable.ElementsFrom(FormatTable.SeedsFile)) Element(md, element);
        return md.ToString();
    }

    private static void Element(StringBuilder md, ElementSpec element)
    {
        md.AppendLine(CultureInfo.InvariantCulture, $"### {element.Title} (`{element.Name}`)");
        md.AppendLine();
        md.AppendLine(element.Description);
        md.AppendLine();
        md.AppendLine("| Field | Type | Unit | Default | Required | Allowed / range | Meaning |");
        md.AppendLine("|---|---|---|---|---|---|---|");
        foreach (var f in element.Fields)
        {
            var type = f.Type switch
            {
                FieldType.String => "string",
                FieldType.Id => "id",
                FieldType.Number => f.Figure ? "number (figure)" : "number",
                FieldType.Integer => f.Figure ? "integer (figure)" : "integer",
                FieldType.Boolean => "boolean",
                FieldType.Object => $"object ({f.Element!.Name})",
                FieldType.IdList => "list of ids",
                _ => $"list of {f.Element!.Name}",
            };
            var unit = f.Unit is null ? "" : $"`{f.Unit}`";
            var def = f.DefaultJson is { } d ? $"`{d}`" : f.AbsentMeans is { } a ? $"absent = {a}" : "";
            var allowed = !f.Allowed.IsDefaultOrEmpty ? string.Join(", ", f.Allowed.Select(x => $"`{x}`"))
                : f.IsNumeric && f.EffectiveMinimum is { } lo && lo > double.MinValue ? $"{Num(lo)} … {Num(f.EffectiveMaximum!.Value)}"
                : f.Type is FieldType.Id ? "id pattern" : "";
            md.AppendLine(CultureInfo.InvariantCulture, $"| `{f.Name}` | {type} | {unit} | {def} | {(f.Required ? "yes" : "no")} | {allowed} | {Escape(f.Description)} |");
        }

        md.AppendLine();
    }

    public static string DiagnosticsReference()
    {
        var md = new StringBuilder();
        md.AppendLine("# Diagnostics");
        md.AppendLine();
        md.AppendLine("<!-- Generated from src/Logistics.Network/Diagnostics/DiagnosticCodes.cs by `logistics docs --out docs`; a test fails when this file drifts. Do not edit by hand. -->");
        md.AppendLine();
        md.AppendLine("`logistics validate FILE` prints every problem at once, one per line:");
        md.AppendLine();
        md.AppendLine("```text");
        md.AppendLine("networks/chagai.network.json:120:31: error LG0202 at links[12].capacityTpy: capacityTpy = -5 is outside 0…10000000000 tonnes per year. Hint: …");
        md.AppendLine("```");
        md.AppendLine();
        md.AppendLine("File, line and column; severity; the stable code; the element's path; what is wrong; how to fix it. Codes never change meaning.");
        md.AppendLine("`--strict` turns warnings into errors. Exit codes: 0 valid, 1 invalid input, 2 usage error, 3 internal error.");
        md.AppendLine();
        md.AppendLine("| Code | Severity | Meaning | Fix |");
        md.AppendLine("|---|---|---|---|");
        foreach (var code in DiagnosticCodes.All)
            md.AppendLine(CultureInfo.InvariantCulture, $"| `{code.Code}` | {code.Severity.ToString().ToLowerInvariant()} | {Escape(code.Title)} | {Escape(code.Fix)} |");
        return md.ToString();
    }

    private static string Escape(string text) => text.Replace("|", "\\|", StringComparison.Ordinal);

    private static string Num(double d) => d.ToString("#,0.###", CultureInfo.InvariantCulture);
}
