using Logistics.Network.Diagnostics;
using Logistics.Network.IO;
using Logistics.Network.Loading;

namespace Logistics.Network.Tests;

/// <summary>LG0508: a mine's commodity must reach a market that demands it over links and modes it may use.</summary>
public class CommodityReachabilityTests
{
    private static LoadResult LoadTinyWith(string find, string replace, string? scenario = null)
    {
        using var temp = new TempNetwork();
        temp.Write("seeds/tiny.json", File.ReadAllText(Path.Combine(CorpusPaths.Corpus, "seeds", "tiny.json")));
        temp.Write("networks/tiny.old-port-closed.scenario.json", File.ReadAllText(CorpusPaths.Valid("tiny.old-port-closed.scenario.json")));
        var text = File.ReadAllText(CorpusPaths.Valid("tiny.network.json"));
        Assert.Contains(find, text, StringComparison.Ordinal);
        var path = temp.Write("networks/t.network.json", text.Replace(find, replace, StringComparison.Ordinal));
        return NetworkLoader.Load(path, new LoadOptions { Scenario = scenario });
    }

    [Fact]
    public void The_tiny_sample_has_no_commodity_that_cannot_reach_its_market()
    {
        Assert.DoesNotContain(NetworkLoader.Load(CorpusPaths.Valid("tiny.network.json")).Diagnostics, d => d.Code == "LG0508");
    }

    [Fact]
    public void An_enabled_mode_ban_on_the_only_way_out_is_an_error_naming_commodity_mine_link_and_rule()
    {
        var result = LoadTinyWith("\"mode\": \"road\", \"enabled\": false", "\"mode\": \"road\", \"enabled\": true");
        var d = Assert.Single(result.Diagnostics, x => x.Code == "LG0508");
        Assert.Equal(Severity.Error, d.Severity);
        Assert.Equal("nodes[alpha].supply[cu-conc]", d.Path);
        Assert.Contains("cu-conc from mine 'alpha'", d.Message, StringComparison.Ordinal);
        Assert.Contains("link 'alpha-junction' is road, which rule 'no-conc-by-road' bans for it", d.Message, StringComparison.Ordinal);
        Assert.False(result.Succeeded);
    }

    [Fact]
    public void A_link_commodity_list_that_leaves_out_the_commodity_blocks_it()
    {
        var result = LoadTinyWith(
            "\"from\": \"alpha\", \"to\": \"junction\", \"mode\": \"road\",",
            "\"from\": \"alpha\", \"to\": \"junction\", \"mode\": \"road\", \"commodities\": [\"fe-ore\"],");
        var d = Assert.Single(result.Diagnostics, x => x.Code == "LG0508");
        Assert.Contains("link 'alpha-junction' carries only fe-ore", d.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_blocked_commodity_the_mine_may_leave_unshipped_is_only_a_warning()
    {
        var result = LoadTinyWith(
            "\"from\": \"beta\", \"to\": \"junction\", \"mode\": \"road\",",
            "\"from\": \"beta\", \"to\": \"junction\", \"mode\": \"road\", \"commodities\": [\"cu-conc\"],");
        var d = Assert.Single(result.Diagnostics, x => x.Code == "LG0508");
        Assert.Equal(Severity.Warning, d.Severity);
        Assert.Contains("fe-ore from mine 'beta'", d.Message, StringComparison.Ordinal);
        Assert.Contains("leave it unshipped", d.Message, StringComparison.Ordinal);
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
    }

    [Fact]
    public void A_commodity_no_market_demands_is_reported_as_such()
    {
        var result = LoadTinyWith(", { \"commodity\": \"fe-ore\" }", "");
        var d = Assert.Single(result.Diagnostics, x => x.Code == "LG0508");
        Assert.Contains("fe-ore from mine 'beta'", d.Message, StringComparison.Ordinal);
        Assert.Contains("no market demands it", d.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_scenario_that_enables_a_mode_ban_is_checked_but_the_base_is_not_affected()
    {
        const string find = "\"enableRules\": [\"west-avoids-new-port\"]";
        Assert.DoesNotContain(LoadTinyWith(find, "\"enableRules\": [\"west-avoids-new-port\", \"no-conc-by-road\"]").Diagnostics, d => d.Code == "LG0508");
        var scenario = LoadTinyWith(find, "\"enableRules\": [\"west-avoids-new-port\", \"no-conc-by-road\"]", "phase2");
        Assert.Contains(scenario.Diagnostics, d => d.Code == "LG0508" && d.Message.Contains("'no-conc-by-road'", StringComparison.Ordinal));
    }

    [Fact]
    public void Supply_capacity_is_checked_per_commodity_over_the_links_it_may_use()
    {
        // Beta's ore may not use the concentrate-only spur to the new port, so the old port's 300,000 t/y is its limit,
        // although the mine as a whole could send far more.
        var result = LoadTinyWith("\"port\": { \"capacityTpy\": 4000000,", "\"port\": { \"capacityTpy\": 300000,");
        var d = Assert.Single(result.Diagnostics, x => x.Code == "LG0505");
        Assert.Equal("nodes[beta].supply[fe-ore]", d.Path);
        Assert.Contains("500,000 t/y of fe-ore but at most 300,000 t/y", d.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(result.Diagnostics, x => x.Code == "LG0508");
    }
}
