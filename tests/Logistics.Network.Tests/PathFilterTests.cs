using Logistics.Network.Diagnostics;
using Logistics.Network.IO;
using Logistics.Network.Loading;
using Logistics.Network.Model;

namespace Logistics.Network.Tests;

/// <summary>Scenario and sweep paths that select list elements by a field's value: links[mode=rail].tariffUsdPerTkm.</summary>
public sealed class PathFilterTests
{
    private static readonly string Tiny = CorpusPaths.Valid("tiny.network.json");

    [Fact]
    public void A_mode_filter_changes_the_rail_links_only()
    {
        var (source, _) = NetworkSource.Read(Tiny);
        var result = source!.Bind(new LoadOptions { ExtraChanges = [new ScenarioChange("links[mode=rail].tariffUsdPerTkm", ChangeOperation.Set, 0.1)] });
        var network = result.Network!;
        Assert.DoesNotContain(result.Diagnostics, d => d.Severity == Severity.Error);
        Assert.Equal(0.1, network.Link(new LinkId("junction-old-port")).TariffUsdPerTkm);
        Assert.Equal(0.1, network.Link(new LinkId("junction-new-port")).TariffUsdPerTkm);
        Assert.Equal(0.05, network.Link(new LinkId("alpha-junction")).TariffUsdPerTkm);
        Assert.Equal(0, network.Link(new LinkId("old-port-east")).TariffUsdPerTkm);
        Assert.Equal(2, source.CountFigures("links[mode=rail].tariffUsdPerTkm").Figures);
    }

    [Fact]
    public void A_wildcard_still_changes_every_link()
    {
        var (source, _) = NetworkSource.Read(Tiny);
        var result = source!.Bind(new LoadOptions { ExtraChanges = [new ScenarioChange("links[*].tariffUsdPerTkm", ChangeOperation.Set, 0.1)] });
        Assert.All(result.Network!.Links, l => Assert.Equal(0.1, l.TariffUsdPerTkm));
        Assert.Equal(result.Network.Links.Length, source.CountFigures("links[*].tariffUsdPerTkm").Figures);
    }

    [Fact]
    public void A_filter_on_a_field_the_element_lacks_is_a_bad_path_at_the_change_line_with_a_suggestion()
    {
        var text = File.ReadAllText(Tiny).Replace(
            "{ \"path\": \"links[junction-old-port].riskUsdPerTonne\", \"add\": 4 },",
            "{ \"path\": \"links[junction-old-port].riskUsdPerTonne\", \"add\": 4 },\n        { \"path\": \"links[mod=rail].tariffUsdPerTkm\", \"set\": 1 },", StringComparison.Ordinal);
        var (source, read) = NetworkSource.FromText(text, Tiny);
        Assert.DoesNotContain(read, d => d.Severity == Severity.Error);
        var bad = Assert.Single(source!.Bind().Diagnostics, d => d.Code == "LG0403");
        Assert.Equal(66, bad.Line);
        Assert.Contains("no field 'mod'", bad.Message, StringComparison.Ordinal);
        Assert.Contains("Did you mean 'mode'?", bad.Hint, StringComparison.Ordinal);
    }

    [Fact]
    public void A_filter_that_matches_no_element_says_it_changes_zero_figures_and_lists_the_allowed_values()
    {
        var (source, _) = NetworkSource.Read(Tiny);
        var (figures, diagnostics) = source!.CountFigures("links[mode=rial].tariffUsdPerTkm");
        Assert.Equal(0, figures);
        var d = Assert.Single(diagnostics);
        Assert.Equal("LG0402", d.Code);
        Assert.Contains("changes 0 figures", d.Message, StringComparison.Ordinal);
        Assert.Contains("rail", d.Hint, StringComparison.Ordinal);
    }

    [Fact]
    public void A_filtered_change_does_not_write_to_the_read_tree_so_the_base_network_keeps_its_tariffs()
    {
        var (source, _) = NetworkSource.Read(Tiny);
        source!.Bind(new LoadOptions { ExtraChanges = [new ScenarioChange("links[mode=road].tariffUsdPerTkm", ChangeOperation.Set, 9)] });
        Assert.Equal(0.05, source.Bind().Network!.Link(new LinkId("alpha-junction")).TariffUsdPerTkm);
    }
}
