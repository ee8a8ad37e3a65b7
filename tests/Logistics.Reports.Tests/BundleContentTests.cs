using System.Text.Json;

using Logistics.Network.IO;
using Logistics.Network.Loading;
using Logistics.Network.Model;

namespace Logistics.Reports.Tests;

/// <summary>What the default bundle holds, file by file, read as a user's tools would read it.</summary>
[Collection(DefaultBundleCollection.Name)]
public sealed class BundleContentTests(DefaultBundle bundle)
{
    private static readonly NetworkSnapshot Network = NetworkLoader.Load(TestPaths.DefaultNetwork).Network!;

    [Fact]
    public void The_bundle_is_complete_and_lists_every_file_it_wrote()
    {
        Assert.Equal(ReportStatus.Complete, bundle.Outcome.Status);
        foreach (var name in new[] { "report.html", "report.md", "result.json", "routes.csv", "flows.csv", "builds.csv", "costs.csv", "network.geojson", "map.svg", "request.json" })
            Assert.Contains(name, bundle.Files);
        foreach (var name in bundle.Files)
            Assert.True(File.Exists(Path.Combine(bundle.Folder, name)), name);
        Assert.Equal(bundle.Files.Order(StringComparer.Ordinal), bundle.Files);
    }

    [Fact]
    public void A_one_period_bundle_has_none_of_the_plan_over_time_files_or_sections()
    {
        Assert.False(Network.IsPeriodised);
        foreach (var name in new[] { "schedule.csv", "periods.csv", "period-routes.csv", "period-costs.csv", "present-value-by-year.csv", "charts/timeline.svg", "charts/present-value-by-year.svg" })
            Assert.DoesNotContain(name, bundle.Files);
        Assert.DoesNotContain(bundle.Files, f => f.StartsWith("maps/", StringComparison.Ordinal));
        Assert.DoesNotContain("Plan over time", bundle.Read("report.md"), StringComparison.Ordinal);
        Assert.DoesNotContain("Scenario reported on", bundle.Read("report.md"), StringComparison.Ordinal);
        Assert.DoesNotContain("\"scenario\":", bundle.Read("request.json"), StringComparison.Ordinal);
    }

    [Fact]
    public void The_geojson_has_a_feature_per_node_and_link_in_lon_lat_order()
    {
        using var json = JsonDocument.Parse(bundle.Read("network.geojson"));
        var root = json.RootElement;
        Assert.Equal("FeatureCollection", root.GetProperty("type").GetString());
        var features = root.GetProperty("features").EnumerateArray().ToList();
        var nodes = features.Where(f => f.GetProperty("geometry").GetProperty("type").GetString() == "Point").ToList();
        var links = features.Where(f => f.GetProperty("geometry").GetProperty("type").GetString() == "LineString").ToList();
        Assert.Equal(Network.Nodes.Length, nodes.Count);
        Assert.Equal(Network.Links.Length, links.Count);

        var rekoDiq = nodes.Single(f => f.GetProperty("properties").GetProperty("id").GetString() == "reko-diq");
        var point = rekoDiq.GetProperty("geometry").GetProperty("coordinates");
        Assert.Equal(62.1056, point[0].GetDouble(), 6);
        Assert.Equal(29.1008, point[1].GetDouble(), 6);

        // Sea legs run to the market's real coordinates, not to a map edge.
        var sea = links.Single(f => f.GetProperty("properties").GetProperty("id").GetString() == "port-qasim-houston-suez");
        var end = sea.GetProperty("geometry").GetProperty("coordinates")[1];
        Assert.Equal(-95.3633, end[0].GetDouble(), 4);

        var used = links.Single(f => f.GetProperty("properties").GetProperty("id").GetString() == "karachi-rohri-rail").GetProperty("properties");
        Assert.True(used.GetProperty("totalTpy").GetDouble() > 900_000);
        Assert.InRange(used.GetProperty("utilisation").GetDouble(), 0.5, 0.7);

        // One capacity basis for every link: effective in the base plan, busy or idle; the file's figure beside it.
        foreach (var link in links.Select(f => f.GetProperty("properties")))
        {
            var capacity = link.GetProperty("capacityTpy");
            var baseCapacity = link.GetProperty("baseCapacityTpy");
            if (!link.GetProperty("exists").GetBoolean())
                Assert.Equal(0, capacity.GetDouble());
            else if (baseCapacity.ValueKind == JsonValueKind.Null)
                Assert.Equal(JsonValueKind.Null, capacity.ValueKind);
            else
                Assert.True(capacity.GetDouble() >= baseCapacity.GetDouble(), link.GetProperty("id").GetString());
        }

        // The upgraded Rohri–Nokkundi pieces carry their increment whether or not they carry cargo.
        var upgraded = Network.Options.Single(o => o.Id.Value == "rohri-nokkundi-upgrade").CapacityAdds.Where(a => a.Link is not null).ToList();
        Assert.NotEmpty(upgraded);
        foreach (var add in upgraded)
        {
            var p = links.Single(f => f.GetProperty("properties").GetProperty("id").GetString() == add.Link!.Value.Value).GetProperty("properties");
            Assert.Equal(p.GetProperty("baseCapacityTpy").GetDouble() + add.AddedTpy, p.GetProperty("capacityTpy").GetDouble(), 6);
        }
    }

    [Fact]
    public void Result_json_wraps_base_scenarios_and_analyses_with_its_own_version()
    {
        using var json = JsonDocument.Parse(bundle.Read("result.json"));
        var root = json.RootElement;
        Assert.Equal(1, root.GetProperty("reportFormatVersion").GetInt32());
        Assert.Equal("complete", root.GetProperty("status").GetString());
        Assert.Equal(64, root.GetProperty("manifest").GetProperty("inputHash").GetString()!.Length);
        Assert.Equal("2026-01-15T09:30:00.000Z", root.GetProperty("manifest").GetProperty("startedAt").GetString());
        Assert.Equal(1, root.GetProperty("base").GetProperty("resultFormatVersion").GetInt32());
        Assert.Equal("optimal", root.GetProperty("base").GetProperty("status").GetString());
        Assert.Equal(Network.Scenarios.Length, root.GetProperty("scenarios").GetArrayLength());
        var analyses = root.GetProperty("analyses");
        Assert.Equal(Network.Scenarios.Length + 1, analyses.GetProperty("compare").GetProperty("outcomes").GetArrayLength());
        Assert.True(analyses.GetProperty("value").GetProperty("valuations").GetArrayLength() >= Network.Options.Length);
        Assert.True(analyses.GetProperty("resilience").GetProperty("outages").GetArrayLength() > 0);
    }

    [Fact]
    public void Every_csv_row_has_the_header_s_field_count_and_the_base_comes_first()
    {
        foreach (var name in new[] { "routes.csv", "flows.csv", "builds.csv", "costs.csv" })
        {
            var text = bundle.Read(name);
            Assert.EndsWith("\r\n", text, StringComparison.Ordinal);
            var rows = text.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
            Assert.StartsWith("scenario,", rows[0], StringComparison.Ordinal);
            var fields = rows[0].Split(',').Length;
            Assert.All(rows.Skip(1), r => Assert.Equal(fields, SplitCsv(r).Count));
            Assert.StartsWith("base,", rows[1], StringComparison.Ordinal);
            Assert.Contains(rows, r => r.StartsWith("phase2,", StringComparison.Ordinal));
        }
    }

    [Fact]
    public void The_appendix_lists_every_figure_with_its_seed()
    {
        var md = bundle.Read("report.md");
        var figures = Network.Figures;
        Assert.Contains($"Every figure the base network uses ({figures.Length})", md, StringComparison.Ordinal);
        var withSource = figures.First(f => f.Source is not null);
        Assert.Contains(withSource.Source!.Value.Value, md, StringComparison.Ordinal);
    }

    [Fact]
    public void Charts_and_the_map_are_svg_files_next_to_the_markdown()
    {
        Assert.Contains("charts/cost-breakdown.svg", bundle.Files);
        Assert.Contains("charts/scenarios.svg", bundle.Files);
        Assert.Contains("charts/option-values.svg", bundle.Files);
        var md = bundle.Read("report.md");
        foreach (var svg in bundle.Files.Where(f => f.EndsWith(".svg", StringComparison.Ordinal)))
        {
            Assert.Contains($"]({svg})", md, StringComparison.Ordinal);
            Assert.StartsWith("<svg", bundle.Read(svg), StringComparison.Ordinal);
        }
    }

    /// <summary>An independent RFC 4180 field splitter, so the writer's quoting is checked, not assumed.</summary>
    private static List<string> SplitCsv(string row)
    {
        var fields = new List<string>();
        var field = new System.Text.StringBuilder();
        var quoted = false;
        for (var i = 0; i < row.Length; i++)
        {
            var c = row[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < row.Length && row[i + 1] == '"') { field.Append('"'); i++; }
                else if (c == '"') quoted = false;
                else field.Append(c);
            }
            else if (c == '"') quoted = true;
            else if (c == ',') { fields.Add(field.ToString()); field.Clear(); }
            else field.Append(c);
        }

        fields.Add(field.ToString());
        return fields;
    }

    [Fact]
    public void The_value_table_uses_the_same_terms_as_the_command_line_and_shows_the_own_break_even_capex()
    {
        var markdown = bundle.Read("report.md");
        foreach (var term in Logistics.Analysis.ValueTerms.All)
        {
            Assert.Contains($" {term.Heading} |", markdown, StringComparison.Ordinal);
            // The legend is written through the Markdown escaping (an ampersand before letters becomes "\&").
            Assert.Contains(term.Legend, markdown.Replace("\\", "", StringComparison.Ordinal), StringComparison.Ordinal);
        }

        Assert.DoesNotContain("Net saving", markdown, StringComparison.Ordinal);
    }
}
