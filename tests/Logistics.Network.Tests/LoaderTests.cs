using Logistics.Network.Diagnostics;
using Logistics.Network.IO;
using Logistics.Network.Loading;
using Logistics.Network.Model;

namespace Logistics.Network.Tests;

public class LoaderTests
{
    private static readonly string Tiny = CorpusPaths.Valid("tiny.network.json");

    private const string Minimal = """
        {
          "formatVersion": 1,
          "metadata": { "name": "m", "discountRate": 0.08, "horizonYears": 25 },
          "commodities": [ { "id": "ore", "valueUsdPerTonne": 100 } ],
          "nodes": [
            { "id": "mine", "kind": "mine", "lat": 29, "lon": 62, "supply": [ { "commodity": "ore", "tonnesPerYear": 1000 } ] },
            { "id": "port", "kind": "port", "lat": 25, "lon": 66 }
          ],
          "links": [
            { "id": "mine-port", "from": "mine", "to": "port", "mode": "rail", "capacityTpy": -5 }
          ]
        }
        """;

    [Fact]
    public void The_valid_sample_loads_without_any_diagnostic()
    {
        var result = NetworkLoader.Load(Tiny, new LoadOptions { Strict = true });
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        Assert.Empty(result.Diagnostics);
        Assert.Equal(7, result.Network!.Nodes.Length);
    }

    [Fact]
    public void A_link_without_length_uses_great_circle_distance_times_the_mode_circuity()
    {
        var network = NetworkLoader.Load(Tiny).Network!;
        var link = network.Link(new LinkId("alpha-junction"));
        Assert.Equal(LengthBasis.GreatCircle, link.LengthBasis);
        var expected = Geodesy.GreatCircleKm(29.1, 62.1, 29.5, 64.5) * 1.25;
        Assert.Equal(expected, link.LengthKm, 9);
        Assert.InRange(Geodesy.GreatCircleKm(29.1, 62.1, 29.5, 64.5), 230, 240);
        Assert.Equal(LengthBasis.Given, network.Link(new LinkId("junction-old-port")).LengthBasis);
    }

    [Fact]
    public void Figures_carry_their_path_unit_and_cited_seed_including_element_level_sources()
    {
        var network = NetworkLoader.Load(Tiny).Network!;
        var length = network.Figures.Single(f => f.Path == "links[junction-old-port].lengthKm");
        Assert.Equal(new FigureProvenance("links[junction-old-port].lengthKm", 381, "km", new SeedId("rail-km")), length);
        Assert.Equal(new SeedId("coord-alpha"), network.Figures.Single(f => f.Path == "nodes[alpha].lat").Source);
        Assert.Equal(new SeedId("alpha-output"), network.Figures.Single(f => f.Path == "nodes[alpha].supply[cu-conc].tonnesPerYear").Source);
    }

    [Fact]
    public void A_scenario_sets_multiplies_adds_forces_options_and_enables_rules()
    {
        var result = NetworkLoader.Load(Tiny, new LoadOptions { Scenario = "phase2" });
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        var n = result.Network!;
        Assert.Equal(new ScenarioId("phase2"), n.AppliedScenario);
        Assert.Equal(2_000_000, n.Node(new NodeId("alpha")).Supplies[0].TonnesPerYear);
        Assert.Equal(1_800_000_000, n.Option(new OptionId("new-port-package")).CapexUsd, 6);
        Assert.Equal(450_000_000, n.Option(new OptionId("rail-upgrade")).CapexUsd, 6);
        Assert.Equal(4.5, n.Link(new LinkId("junction-old-port")).RiskUsdPerTonne, 9);
        Assert.Equal(BuildDecision.ForcedIn, n.Option(new OptionId("new-port-package")).Decision);
        Assert.True(n.Rules.Single(r => r.Id.Value == "west-avoids-new-port").Enabled);
        Assert.Equal(new SeedId("alpha-output-ph2"), n.Figures.Single(f => f.Path == "nodes[alpha].supply[cu-conc].tonnesPerYear").Source);
    }

    [Fact]
    public void An_overlay_file_scenario_disables_a_node_with_its_links_and_forbids_options()
    {
        var result = NetworkLoader.Load(Tiny, new LoadOptions { Scenario = "old-port-closed" });
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        var n = result.Network!;
        Assert.False(n.TryGetNode(new NodeId("old-port"), out _));
        Assert.DoesNotContain(n.Links, l => l.From.Value == "old-port" || l.To.Value == "old-port");
        Assert.DoesNotContain(n.Option(new OptionId("rail-upgrade")).CapacityAdds, a => a.Link?.Value == "junction-old-port");
        Assert.Equal(BuildDecision.ForcedOut, n.Option(new OptionId("road-widening")).Decision);
        Assert.False(n.Rules.Single(r => r.Id.Value == "no-conc-by-road").Enabled);
        Assert.Equal(2_000_000_000, n.Metadata.CapexBudgetUsd);
    }

    [Fact]
    public void Extra_changes_apply_after_the_scenario_and_report_paths_that_match_nothing()
    {
        var (source, _) = NetworkSource.Read(Tiny);
        var result = source!.Bind(new LoadOptions
        {
            Scenario = "phase2",
            ExtraChanges = [new ScenarioChange("options[new-port-package].capexUsd", ChangeOperation.Multiply, 2)],
        });
        Assert.Equal(3_600_000_000, result.Network!.Option(new OptionId("new-port-package")).CapexUsd, 3);

        var bad = source.Bind(new LoadOptions { ExtraChanges = [new ScenarioChange("links[nope].capacityTpy", ChangeOperation.Set, 1)] });
        Assert.Contains(bad.Diagnostics, d => d.Code == "LG0402" && d.Severity == Severity.Error);
    }

    [Fact]
    public void Bind_works_from_memory_many_times_and_gives_equal_snapshots()
    {
        using var temp = new TempNetwork();
        var path = temp.Write("networks/n.network.json", File.ReadAllText(Tiny).Replace("\"file\": \"tiny.old-port-closed.scenario.json\"", "\"file\": \"o.scenario.json\"", StringComparison.Ordinal));
        temp.Write("networks/o.scenario.json", File.ReadAllText(CorpusPaths.Valid("tiny.old-port-closed.scenario.json")));
        temp.Write("seeds/tiny.json", File.ReadAllText(Path.Combine(CorpusPaths.Corpus, "seeds", "tiny.json")));
        var (source, diagnostics) = NetworkSource.Read(path);
        Assert.Empty(diagnostics);
        Directory.Delete(Path.Combine(temp.Root, "networks"), recursive: true); // binding must not read the disk again
        var first = SnapshotText.Of(source!.Bind().Network!);
        for (var i = 0; i < 20; i++) Assert.Equal(first, SnapshotText.Of(source.Bind().Network!));
        Assert.True(source.Bind(new LoadOptions { Scenario = "old-port-closed" }).Succeeded);
        Assert.Equal(3, source.InputFiles.Length);
    }

    [Fact]
    public void The_content_hash_is_stable_and_covers_the_overlay_and_seed_files()
    {
        using var temp = new TempNetwork();
        var path = temp.Write("networks/n.network.json", File.ReadAllText(Tiny).Replace("tiny.old-port-closed.scenario.json", "o.scenario.json", StringComparison.Ordinal));
        var overlay = temp.Write("networks/o.scenario.json", File.ReadAllText(CorpusPaths.Valid("tiny.old-port-closed.scenario.json")));
        var seeds = temp.Write("seeds/s.json", File.ReadAllText(Path.Combine(CorpusPaths.Corpus, "seeds", "tiny.json")));
        var hash = NetworkSource.Read(path).Source!.ContentHash;
        Assert.Matches("^[0-9a-f]{64}$", hash);
        Assert.Equal(hash, NetworkSource.Read(path).Source!.ContentHash);
        File.AppendAllText(seeds, " ");
        var afterSeed = NetworkSource.Read(path).Source!.ContentHash;
        Assert.NotEqual(hash, afterSeed);
        File.AppendAllText(overlay, " ");
        Assert.NotEqual(afterSeed, NetworkSource.Read(path).Source!.ContentHash);
    }

    [Fact]
    public void Errors_point_at_the_line_and_column_of_the_value()
    {
        using var temp = new TempNetwork();
        var path = temp.Write("networks/m.network.json", Minimal);
        var result = NetworkLoader.Load(path);
        var d = Assert.Single(result.Diagnostics, x => x.Code == "LG0202");
        Assert.Equal(10, d.Line);
        Assert.Equal(87, d.Column);
        Assert.Equal("links[0].capacityTpy", d.Path);
        Assert.Equal(path, d.File);
        Assert.StartsWith($"{path}:10:87: error LG0202 at links[0].capacityTpy: ", d.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Every_problem_is_reported_in_one_run()
    {
        using var temp = new TempNetwork();
        var text = Minimal.Replace("\"kind\": \"port\"", "\"kind\": \"prot\"", StringComparison.Ordinal)
            .Replace("\"to\": \"port\"", "\"to\": \"harbour\"", StringComparison.Ordinal)
            .Replace("\"horizonYears\": 25", "\"horizonYears\": 25, \"discountRat\": 1", StringComparison.Ordinal);
        var result = NetworkLoader.Load(temp.Write("networks/m.network.json", text));
        var codes = result.Diagnostics.Select(d => d.Code).ToHashSet();
        Assert.Superset(new HashSet<string> { "LG0103", "LG0202", "LG0104" }, codes);
        Assert.Contains(result.Diagnostics, d => d.Code == "LG0104" && d.Hint == "Did you mean 'discountRate'?");
        Assert.Contains(result.Diagnostics, d => d.Code == "LG0103" && d.Hint == "Did you mean \"port\"?");
    }

    [Fact]
    public void Strict_turns_warnings_into_errors()
    {
        var file = Path.Combine(CorpusPaths.Broken, "LG0104-unknown-field-misspelt.network.json");
        Assert.True(NetworkLoader.Load(file).Succeeded);
        var strict = NetworkLoader.Load(file, new LoadOptions { Strict = true });
        Assert.False(strict.Succeeded);
        Assert.Contains(strict.Diagnostics, d => d.Code == "LG0104" && d.Severity == Severity.Error);
    }

    [Fact]
    public void An_unknown_scenario_is_an_error_that_lists_the_known_ones()
    {
        var result = NetworkLoader.Load(Tiny, new LoadOptions { Scenario = "phase3" });
        Assert.Null(result.Network);
        var d = Assert.Single(result.Diagnostics);
        Assert.Equal("LG0401", d.Code);
        Assert.Contains("phase2", d.Hint, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_files_directories_and_huge_files_are_diagnostics_not_exceptions()
    {
        using var temp = new TempNetwork();
        Assert.Equal("LG0001", Assert.Single(NetworkLoader.Load(Path.Combine(temp.Root, "none.network.json")).Diagnostics).Code);
        Assert.Equal("LG0002", Assert.Single(NetworkLoader.Load(temp.Root).Diagnostics).Code);
        var huge = Path.Combine(temp.Root, "huge.network.json");
        using (var stream = File.Create(huge)) stream.SetLength((16L * 1024 * 1024) + 1);
        Assert.Equal("LG0004", Assert.Single(NetworkLoader.Load(huge).Diagnostics).Code);
    }

    [Fact]
    public void The_seed_register_reads_every_file_of_the_folder()
    {
        var register = SeedRegister.Load(Path.Combine(CorpusPaths.Corpus, "seeds"));
        Assert.Empty(register.Diagnostics);
        Assert.True(register.TryGet(new SeedId("rail-km"), out var seed));
        Assert.Equal((381.0, 370.0, 390.0, "km", SeedConfidence.High), (seed.Value!.Value, seed.Low!.Value, seed.High!.Value, seed.Unit, seed.Confidence));
        Assert.Equal("Rail timetable", seed.Source!.Title);
        Assert.Equal(385, Assert.Single(seed.Alternatives).Value);
        Assert.True(register.TryGet(new SeedId("coord-alpha"), out var coordinate));
        Assert.Equal(62.1, coordinate.ValueFor("lon"));
        Assert.Equal(register.Seeds.Select(s => s.Id.Value).Order(StringComparer.Ordinal).ToArray(), register.Seeds.Select(s => s.Id.Value).ToArray());
    }

    [Fact]
    public void A_scenario_change_that_makes_a_value_impossible_is_reported_at_the_change()
    {
        using var temp = new TempNetwork();
        var text = Minimal.Replace("\"capacityTpy\": -5", "\"capacityTpy\": 5", StringComparison.Ordinal)
            .Replace("\"links\": [", "\"scenarios\": [ { \"id\": \"cut\", \"changes\": [ { \"path\": \"links[mine-port].capacityTpy\", \"add\": -10 } ] } ],\n  \"links\": [", StringComparison.Ordinal);
        var path = temp.Write("networks/m.network.json", text);
        Assert.DoesNotContain(NetworkLoader.Load(path).Diagnostics, d => d.Code == "LG0202");
        var result = NetworkLoader.Load(path, new LoadOptions { Scenario = "cut" });
        var d = Assert.Single(result.Diagnostics, x => x.Code == "LG0202");
        Assert.Equal(9, d.Line); // the line of the change's "add", not of the link
    }
}

public class ScenarioDetailTests
{
    private static readonly string Tiny = CorpusPaths.Valid("tiny.network.json");

    [Fact]
    public void Disabling_a_node_drops_the_figures_of_it_and_its_links()
    {
        var n = NetworkLoader.Load(Tiny, new LoadOptions { Scenario = "old-port-closed" }).Network!;
        Assert.DoesNotContain(n.Figures, f => f.Path.StartsWith("nodes[old-port]", StringComparison.Ordinal));
        Assert.DoesNotContain(n.Figures, f => f.Path.StartsWith("links[old-port-east]", StringComparison.Ordinal));
        Assert.DoesNotContain(n.Figures, f => f.Path.Contains(".capacityAdds[junction-old-port]", StringComparison.Ordinal));
        Assert.Contains(n.Figures, f => f.Path == "nodes[new-port].lat");
    }

    [Fact]
    public void Set_gives_an_unlimited_capacity_a_value_and_multiply_on_unlimited_is_an_error()
    {
        var (source, _) = NetworkSource.Read(Tiny);
        var capped = source!.Bind(new LoadOptions { ExtraChanges = [new ScenarioChange("links[old-port-east].capacityTpy", ChangeOperation.Set, 1000)] });
        Assert.Equal(1000, capped.Network!.Link(new LinkId("old-port-east")).CapacityTpy);
        var scaled = source.Bind(new LoadOptions { ExtraChanges = [new ScenarioChange("links[old-port-east].capacityTpy", ChangeOperation.Multiply, 2)] });
        Assert.Contains(scaled.Diagnostics, d => d.Code == "LG0402" && d.Message.Contains("unlimited", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(ChangeOperation.Set, 3)]
    [InlineData(ChangeOperation.Add, 3)]
    [InlineData(ChangeOperation.Multiply, 0)] // absent means 0, so the product is 0
    public void A_change_on_an_absent_field_cites_the_change_source(ChangeOperation operation, double expected)
    {
        var (source, _) = NetworkSource.Read(Tiny);
        var change = new ScenarioChange("links[old-port-east].riskUsdPerTonne", operation, 3, new SeedId("alpha-output-ph2"));
        var result = source!.Bind(new LoadOptions { ExtraChanges = [change] });
        Assert.Equal(expected, result.Network!.Link(new LinkId("old-port-east")).RiskUsdPerTonne);
        var figure = Assert.Single(result.Network.Figures, f => f.Path == "links[old-port-east].riskUsdPerTonne");
        Assert.Equal(new SeedId("alpha-output-ph2"), figure.Source);
    }

    [Theory]
    [InlineData(ChangeOperation.Add)]
    [InlineData(ChangeOperation.Multiply)]
    public void Add_and_multiply_on_a_cited_figure_cite_the_change_source_when_it_has_one(ChangeOperation operation)
    {
        var (source, _) = NetworkSource.Read(Tiny);
        var path = "links[junction-old-port].lengthKm";
        var cited = source!.Bind(new LoadOptions { ExtraChanges = [new ScenarioChange(path, operation, 2, new SeedId("alpha-output-ph2"))] });
        Assert.Equal(new SeedId("alpha-output-ph2"), Assert.Single(cited.Network!.Figures, f => f.Path == path).Source);
        var plain = source.Bind(new LoadOptions { ExtraChanges = [new ScenarioChange(path, operation, 2)] });
        Assert.Equal(new SeedId("rail-km"), Assert.Single(plain.Network!.Figures, f => f.Path == path).Source);
    }

    [Fact]
    public void A_sourced_add_on_an_absent_field_of_an_unsourced_element_gives_no_missing_seed_warning()
    {
        using var temp = new TempNetwork();
        temp.Write("seeds/s.json", File.ReadAllText(Path.Combine(CorpusPaths.Corpus, "seeds", Directory.GetFiles(Path.Combine(CorpusPaths.Corpus, "seeds"), "*.json").Select(Path.GetFileName).Order(StringComparer.Ordinal).First()!)));
        var text = File.ReadAllText(Tiny)
            .Replace("{ \"id\": \"old-port-east\", \"source\": \"tiny-assumption\",", "{ \"id\": \"old-port-east\",", StringComparison.Ordinal)
            .Replace("\"lengthKm\": 9000, \"tariffUsdPerTonne\": 25, \"transitDays\": 20", "\"lengthKm\": { \"value\": 9000, \"source\": \"tiny-assumption\" }, \"tariffUsdPerTonne\": { \"value\": 25, \"source\": \"tiny-assumption\" }, \"transitDays\": { \"value\": 20, \"source\": \"tiny-assumption\" }", StringComparison.Ordinal)
            .Replace("{ \"path\": \"links[junction-old-port].riskUsdPerTonne\", \"add\": 4 },", "{ \"path\": \"links[junction-old-port].riskUsdPerTonne\", \"add\": 4 }, { \"path\": \"links[old-port-east].riskUsdPerTonne\", \"add\": 4, \"source\": \"tiny-assumption\" },", StringComparison.Ordinal);
        Assert.Contains("links[old-port-east].riskUsdPerTonne", text, StringComparison.Ordinal);
        var path = temp.Write("networks/t.network.json", text);
        temp.Write("networks/tiny.old-port-closed.scenario.json", File.ReadAllText(CorpusPaths.Valid("tiny.old-port-closed.scenario.json")));
        var result = NetworkLoader.Load(path, new LoadOptions { Scenario = "phase2" });
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        Assert.DoesNotContain(result.Diagnostics, d => d.Code == "LG0601");
        Assert.Equal(4, result.Network!.Link(new LinkId("old-port-east")).RiskUsdPerTonne);
    }

    [Fact]
    public void A_wildcard_path_changes_every_element_and_an_index_path_one()
    {
        var (source, _) = NetworkSource.Read(Tiny);
        var n = source!.Bind(new LoadOptions
        {
            ExtraChanges =
            [
                new ScenarioChange("links[*].transitDays", ChangeOperation.Add, 1),
                new ScenarioChange("nodes[0].lat", ChangeOperation.Set, 30),
            ],
        }).Network!;
        Assert.All(n.Links, l => Assert.True(l.TransitDays >= 1));
        Assert.Equal(30, n.Node(new NodeId("alpha")).Latitude);
    }

    [Fact]
    public void Columns_count_characters_not_bytes_after_non_ascii_text()
    {
        using var temp = new TempNetwork();
        var text = File.ReadAllText(Path.Combine(CorpusPaths.Broken, "LG0202-negative-capacity.network.json"))
            .Replace("\"capacityTpy\": -5", "\"name\": \"Rohri–Quetta ✓\", \"capacityTpy\": -5", StringComparison.Ordinal);
        var path = temp.Write("networks/n.network.json", text);
        var line = File.ReadAllLines(path).Select((l, i) => (l, i)).First(t => t.l.Contains("✓\", \"capacityTpy\": -5", StringComparison.Ordinal));
        var d = Assert.Single(NetworkLoader.Load(path).Diagnostics, x => x.Code == "LG0202");
        Assert.Equal(line.i + 1, d.Line);
        Assert.Equal(line.l.IndexOf("-5", StringComparison.Ordinal) + 1, d.Column);
    }
}
