using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using System.Text.Json;

using Logistics.Network.Model;

namespace Logistics.Network.IO;

/// <summary>
/// Writes a snapshot back to the file format, deterministically (elements in id order, fields in table order).
/// A figure is written when the snapshot lists it in <see cref="NetworkSnapshot.Figures"/> (with its source) or when it
/// differs from the field's default, so load → write → load gives the same snapshot. Great-circle lengths are
/// left out (they are recomputed); the seeds folder is not part of a snapshot and takes its default.
/// </summary>
public static class NetworkWriter
{
    public static string Write(NetworkSnapshot network)
    {
        var figures = network.Figures.GroupBy(f => f.Path, StringComparer.Ordinal).ToFrozenDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            var f = new FigureWriter(w, figures);
            w.WriteStartObject();
            w.WriteString("$schema", "../schema/network.schema.json");
            w.WriteNumber("formatVersion", Format.FormatTable.FormatVersion);
            WriteMetadata(w, f, network);
            w.WriteStartArray("commodities");
            foreach (var c in network.Commodities)
            {
                w.WriteStartObject();
                w.WriteString("id", c.Id.Value);
                if (c.Name != c.Id.Value) w.WriteString("name", c.Name);
                f.Write("valueUsdPerTonne", $"commodities[{c.Id}].valueUsdPerTonne", c.ValueUsdPerTonne, null, required: true);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteStartArray("nodes");
            foreach (var node in network.Nodes) WriteNode(w, f, node);
            w.WriteEndArray();
            w.WriteStartArray("links");
            foreach (var link in network.Links) WriteLink(w, f, link);
            w.WriteEndArray();
            w.WriteStartArray("options");
            foreach (var option in network.Options) WriteOption(w, f, option);
            w.WriteEndArray();
            w.WriteStartArray("rules");
            foreach (var rule in network.Rules) WriteRule(w, rule);
            w.WriteEndArray();
            w.WriteStartArray("scenarios");
            foreach (var scenario in network.Scenarios) WriteScenario(w, scenario);
            w.WriteEndArray();
            if (network.IsPeriodised)
            {
                w.WriteStartArray("periods");
                foreach (var period in network.Periods) WritePeriod(w, period);
                w.WriteEndArray();
            }

            w.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }

    private static void WriteMetadata(Utf8JsonWriter w, FigureWriter f, NetworkSnapshot network)
    {
        var m = network.Metadata;
        w.WriteStartObject("metadata");
        w.WriteString("name", m.Name);
        if (m.Description.Length > 0) w.WriteString("description", m.Description);
        w.WriteString("currency", m.Currency);
        w.WriteNumber("baseYear", m.BaseYear);
        f.Write("discountRate", "metadata.discountRate", m.DiscountRate, null, required: true);
        f.Write("horizonYears", "metadata.horizonYears", m.HorizonYears, null, required: true);
        if (m.CapexBudgetUsd is { } budget) f.Write("capexBudgetUsd", "metadata.capexBudgetUsd", budget, null, required: true);
        if (m.CapexBudgetPerYearUsd is { } perYear) f.Write("capexBudgetPerYearUsd", "metadata.capexBudgetPerYearUsd", perYear, null, required: true);
        if (m.CapexBudgetPerPeriodUsd is { } perPeriod) f.Write("capexBudgetPerPeriodUsd", "metadata.capexBudgetPerPeriodUsd", perPeriod, null, required: true);
        var circuity = Format.FormatTable.Circuity.Fields.Where(c => f.Has($"metadata.circuity.{c.Name}")).ToList();
        if (circuity.Count > 0)
        {
            w.WriteStartObject("circuity");
            foreach (var c in circuity) f.Write(c.Name, $"metadata.circuity.{c.Name}", f.Value($"metadata.circuity.{c.Name}"), null, required: true);
            w.WriteEndObject();
        }

        w.WriteEndObject();
    }

    private static void WriteNode(Utf8JsonWriter w, FigureWriter f, Node node)
    {
        var p = $"nodes[{node.Id}]";
        w.WriteStartObject();
        w.WriteString("id", node.Id.Value);
        if (node.Name != node.Id.Value) w.WriteString("name", node.Name);
        w.WriteString("kind", Camel(node.Kind.ToString()));
        f.Write("lat", $"{p}.lat", node.Latitude, null, required: true);
        f.Write("lon", $"{p}.lon", node.Longitude, null, required: true);
        f.Write("transhipmentUsdPerTonne", $"{p}.transhipmentUsdPerTonne", node.TranshipmentUsdPerTonne, 0);
        if (!node.Supplies.IsDefaultOrEmpty)
        {
            w.WriteStartArray("supply");
            foreach (var s in node.Supplies)
            {
                w.WriteStartObject();
                w.WriteString("commodity", s.Commodity.Value);
                f.Write("tonnesPerYear", $"{p}.supply[{s.Commodity}].tonnesPerYear", s.TonnesPerYear, null, required: true);
                if (s.AllowUnshipped) w.WriteBoolean("allowUnshipped", true);
                w.WriteEndObject();
            }

            w.WriteEndArray();
        }

        if (node.Port is { } port)
        {
            w.WriteStartObject("port");
            if (port.ThroughputCapacityTpy is { } capacity) f.Write("capacityTpy", $"{p}.port.capacityTpy", capacity, null, required: true);
            f.Write("handlingUsdPerTonne", $"{p}.port.handlingUsdPerTonne", port.HandlingUsdPerTonne, 0);
            w.WriteEndObject();
        }

        if (!node.Demands.IsDefaultOrEmpty)
        {
            w.WriteStartArray("demand");
            foreach (var d in node.Demands)
            {
                var dp = $"{p}.demand[{d.Commodity}]";
                w.WriteStartObject();
                w.WriteString("commodity", d.Commodity.Value);
                f.Write("minTpy", $"{dp}.minTpy", d.MinTpy, 0);
                if (d.MaxTpy is { } max) f.Write("maxTpy", $"{dp}.maxTpy", max, null, required: true);
                if (d.PriceUsdPerTonne is { } price) f.Write("priceUsdPerTonne", $"{dp}.priceUsdPerTonne", price, null, required: true);
                w.WriteEndObject();
            }

            w.WriteEndArray();
        }

        w.WriteEndObject();
    }

    private static void WriteLink(Utf8JsonWriter w, FigureWriter f, Link link)
    {
        var p = $"links[{link.Id}]";
        w.WriteStartObject();
        w.WriteString("id", link.Id.Value);
        if (link.Name != link.Id.Value) w.WriteString("name", link.Name);
        w.WriteString("from", link.From.Value);
        w.WriteString("to", link.To.Value);
        w.WriteString("mode", Camel(link.Mode.ToString()));
        if (link.LengthBasis == LengthBasis.Given) f.Write("lengthKm", $"{p}.lengthKm", link.LengthKm, null, required: true);
        f.Write("tariffUsdPerTkm", $"{p}.tariffUsdPerTkm", link.TariffUsdPerTkm, 0);
        f.Write("tariffUsdPerTonne", $"{p}.tariffUsdPerTonne", link.TariffUsdPerTonne, 0);
        if (link.CapacityTpy is { } capacity) f.Write("capacityTpy", $"{p}.capacityTpy", capacity, null, required: true);
        f.Write("transitDays", $"{p}.transitDays", link.TransitDays, 0);
        if (link.Direction == LinkDirection.OneWay) w.WriteString("direction", "oneWay");
        if (link.Sharing == CapacitySharing.SharedBothWays) w.WriteString("capacitySharing", "shared");
        Ids(w, "commodities", link.AllowedCommodities.IsDefault ? [] : link.AllowedCommodities.Select(c => c.Value));
        f.Write("riskUsdPerTonne", $"{p}.riskUsdPerTonne", link.RiskUsdPerTonne, 0);
        if (link.BuiltBy is { } option) w.WriteString("builtBy", option.Value);
        w.WriteEndObject();
    }

    private static void WriteOption(Utf8JsonWriter w, FigureWriter f, InvestmentOption option)
    {
        var p = $"options[{option.Id}]";
        w.WriteStartObject();
        w.WriteString("id", option.Id.Value);
        if (option.Name != option.Id.Value) w.WriteString("name", option.Name);
        if (option.Description.Length > 0) w.WriteString("description", option.Description);
        f.Write("capexUsd", $"{p}.capexUsd", option.CapexUsd, null, required: true);
        f.Write("lifetimeYears", $"{p}.lifetimeYears", option.LifetimeYears, null, required: true);
        f.Write("fixedOmUsdPerYear", $"{p}.fixedOmUsdPerYear", option.FixedOmUsdPerYear, 0);
        f.Write("leadTimeYears", $"{p}.leadTimeYears", option.LeadTimeYears, 0);
        if (!option.CapacityAdds.IsDefaultOrEmpty)
        {
            w.WriteStartArray("capacityAdds");
            foreach (var add in option.CapacityAdds)
            {
                var target = add.Port?.Value ?? add.Link!.Value.Value;
                w.WriteStartObject();
                if (add.Port is { } port) w.WriteString("port", port.Value);
                if (add.Link is { } link) w.WriteString("link", link.Value);
                f.Write("addTpy", $"{p}.capacityAdds[{target}].addTpy", add.AddedTpy, null, required: true);
                w.WriteEndObject();
            }

            w.WriteEndArray();
        }

        Ids(w, "requires", option.Requires.Select(o => o.Value));
        Ids(w, "excludes", option.Excludes.Select(o => o.Value));
        w.WriteEndObject();
    }

    private static void WriteRule(Utf8JsonWriter w, PolicyRule rule)
    {
        w.WriteStartObject();
        w.WriteString("id", rule.Id.Value);
        w.WriteString("kind", rule is ModeBanRule ? "modeBan" : "avoidThrough");
        if (rule.Description.Length > 0) w.WriteString("description", rule.Description);
        w.WriteBoolean("enabled", rule.Enabled);
        switch (rule)
        {
            case AvoidThroughRule avoid:
                w.WriteStartArray("markets");
                foreach (var m in avoid.Markets) w.WriteStringValue(m.Value);
                w.WriteEndArray();
                Ids(w, "nodes", avoid.AvoidNodes.Select(n => n.Value));
                Ids(w, "links", avoid.AvoidLinks.Select(l => l.Value));
                break;
            case ModeBanRule ban:
                w.WriteString("commodity", ban.Commodity.Value);
                w.WriteString("mode", Camel(ban.Mode.ToString()));
                break;
        }

        w.WriteEndObject();
    }

    private static void WritePeriod(Utf8JsonWriter w, PlanningPeriod period)
    {
        w.WriteStartObject();
        w.WriteString("id", period.Id.Value);
        if (period.Name != period.Span) w.WriteString("name", period.Name);
        w.WriteNumber("startYear", period.StartYear);
        w.WriteNumber("years", period.Years);
        WriteChanges(w, period.Changes);
        w.WriteEndObject();
    }

    private static void WriteChanges(Utf8JsonWriter w, ImmutableArray<ScenarioChange> changes)
    {
        if (changes.IsDefaultOrEmpty)
            return;
        w.WriteStartArray("changes");
        foreach (var change in changes)
        {
            w.WriteStartObject();
            w.WriteString("path", change.Path);
            w.WriteNumber(Camel(change.Operation.ToString()), change.Value);
            if (change.Period is { } period) w.WriteString("period", period.Value);
            if (change.Source is { } changeSource) w.WriteString("source", changeSource.Value);
            w.WriteEndObject();
        }

        w.WriteEndArray();
    }

    private static void WriteScenario(Utf8JsonWriter w, Scenario scenario)
    {
        w.WriteStartObject();
        w.WriteString("id", scenario.Id.Value);
        if (scenario.Name != scenario.Id.Value) w.WriteString("name", scenario.Name);
        if (scenario.Description.Length > 0) w.WriteString("description", scenario.Description);
        WriteChanges(w, scenario.Changes);

        Ids(w, "forceBuild", scenario.ForceBuild.Select(o => o.Value));
        Ids(w, "forbidBuild", scenario.ForbidBuild.Select(o => o.Value));
        Ids(w, "disable", scenario.Disable);
        Ids(w, "enableRules", scenario.EnableRules.Select(r => r.Value));
        Ids(w, "disableRules", scenario.DisableRules.Select(r => r.Value));
        w.WriteEndObject();
    }

    private static void Ids(Utf8JsonWriter w, string name, IEnumerable<string> ids)
    {
        var list = ids.ToList();
        if (list.Count == 0) return;
        w.WriteStartArray(name);
        foreach (var id in list) w.WriteStringValue(id);
        w.WriteEndArray();
    }

    private static string Camel(string pascal) => char.ToLowerInvariant(pascal[0]) + pascal[1..];

    /// <summary>Writes numbers as plain values or as <c>{ value, source }</c> when the snapshot records a source.</summary>
    private sealed class FigureWriter(Utf8JsonWriter w, FrozenDictionary<string, FigureProvenance> figures)
    {
        public bool Has(string path) => figures.ContainsKey(path);

        public double Value(string path) => figures[path].Value;

        public void Write(string name, string path, double value, double? defaultValue, bool required = false)
        {
            figures.TryGetValue(path, out var figure);
            if (figure is null && !required && defaultValue is { } d && value.Equals(d)) return;
            if (figure?.Source is { } source)
            {
                w.WriteStartObject(name);
                w.WriteNumber("value", value);
                w.WriteString("source", source.Value);
                w.WriteEndObject();
            }
            else
            {
                w.WriteNumber(name, value);
            }
        }
    }
}
