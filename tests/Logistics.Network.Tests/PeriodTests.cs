using Logistics.Network.IO;
using Logistics.Network.Loading;
using Logistics.Network.Model;

namespace Logistics.Network.Tests;

/// <summary>Periods in the network file: cumulative changes per period, spans checked, written back, scenario changes that name a period.</summary>
public sealed class PeriodTests
{
    private static string Network(string periods, string scenarioChange = "") => $$"""
        {
          "formatVersion": 1,
          "metadata": {"name": "t", "baseYear": 2025, "discountRate": 0.05, "horizonYears": 10},
          "commodities": [{"id": "ore", "valueUsdPerTonne": 0}],
          "nodes": [
            {"id": "m", "kind": "mine", "lat": 0, "lon": 0, "supply": [{"commodity": "ore", "tonnesPerYear": 100}]},
            {"id": "p", "kind": "port", "lat": 0, "lon": 1},
            {"id": "k", "kind": "market", "lat": 0, "lon": 2, "demand": [{"commodity": "ore"}]}
          ],
          "links": [{"id": "l", "from": "m", "to": "p", "mode": "rail", "lengthKm": 100}, {"id": "s", "from": "p", "to": "k", "mode": "sea", "lengthKm": 100}],
          "options": [{"id": "o", "capexUsd": 10, "lifetimeYears": 5, "leadTimeYears": 2}],
          "scenarios": [{"id": "s", "changes": [{"path": "nodes[m].supply[ore].tonnesPerYear", "multiply": 2 {{scenarioChange}}}]}],
          "periods": {{periods}}
        }
        """;

    private const string TwoPeriods = """
        [{"id": "a", "startYear": 2025, "years": 3, "changes": [{"path": "nodes[m].supply[ore].tonnesPerYear", "set": 150}]},
         {"id": "b", "startYear": 2028, "years": 7, "changes": [{"path": "nodes[m].supply[ore].tonnesPerYear", "add": 50}]}]
        """;

    private static LoadResult Load(string text, string? scenario = null)
    {
        using var temp = new TempNetwork();
        return NetworkLoader.Load(temp.Write("networks/t.network.json", text), new LoadOptions { Scenario = scenario });
    }

    private static double Tonnes(NetworkSnapshot n) => n.Node(new NodeId("m")).Supplies[0].TonnesPerYear;

    [Fact]
    public void Each_period_takes_the_changes_of_every_period_up_to_it_and_a_scenario_acts_on_all_of_them()
    {
        var loaded = Load(Network(TwoPeriods));
        Assert.Empty(loaded.Errors);
        var network = loaded.Network!;
        Assert.True(network.IsPeriodised);
        Assert.Equal(2035, network.HorizonEndYear);
        Assert.Equal([150.0, 200.0], network.PeriodNetworks.Select(Tonnes));
        Assert.Equal(2, network.Option(new OptionId("o")).LeadTimeYears);
        var scaled = Load(Network(TwoPeriods), "s").Network!;
        Assert.Equal([300.0, 400.0], scaled.PeriodNetworks.Select(Tonnes));
    }

    [Fact]
    public void A_scenario_change_that_names_a_period_acts_from_that_period_on()
    {
        var network = Load(Network(TwoPeriods, ", \"period\": \"b\""), "s").Network!;
        Assert.Equal([150.0, 400.0], network.PeriodNetworks.Select(Tonnes));
        Assert.Equal(100, Tonnes(network));
    }

    [Fact]
    public void A_gap_between_periods_is_an_error_that_says_where_the_next_must_start()
    {
        var loaded = Load(Network("""[{"id": "a", "startYear": 2025, "years": 3}, {"id": "b", "startYear": 2029, "years": 2}]"""));
        var error = Assert.Single(loaded.Errors);
        Assert.Equal("periods[b].startYear", error.Path);
        Assert.Contains("Set startYear to 2028", error.Hint, StringComparison.Ordinal);
    }

    [Fact]
    public void A_scenario_change_naming_an_unknown_period_is_an_error()
    {
        var loaded = Load(Network(TwoPeriods, ", \"period\": \"c\""));
        Assert.Contains(loaded.Errors, e => e.Message.Contains("period 'c'", StringComparison.Ordinal));
    }

    [Fact]
    public void Periods_lead_times_and_period_scoped_changes_survive_writing_and_reading_back()
    {
        var first = Load(Network(TwoPeriods, ", \"period\": \"b\"")).Network!;
        var again = Load(NetworkWriter.Write(first)).Network!;
        Assert.Equal(first.Periods.Select(p => (p.Id, p.StartYear, p.Years, p.Changes.Length)), again.Periods.Select(p => (p.Id, p.StartYear, p.Years, p.Changes.Length)));
        Assert.Equal(first.PeriodNetworks.Select(Tonnes), again.PeriodNetworks.Select(Tonnes));
        Assert.Equal(new PeriodId("b"), again.Scenarios.Single().Changes.Single().Period);
        Assert.Equal(2, again.Option(new OptionId("o")).LeadTimeYears);
    }
}
