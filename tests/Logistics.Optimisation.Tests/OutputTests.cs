using System.Text.Json;

using Logistics.Network.Model;
using Logistics.Presentation;

namespace Logistics.Optimisation.Tests;

/// <summary>What a user reads: the console summary and the JSON result file.</summary>
public sealed class OutputTests
{
    private static NetworkSnapshot PortNetwork() =>
        // Port p1 holds 70 t at handling 2; the rest goes through p2 (handling 5). A new rail (capex 100) is worth building.
        TestNetwork.Create()
            .Mine("mine", "ore", 100).Port("p1", capacity: 70, handling: 2).Port("p2", handling: 5).Market("market", "ore")
            .Link("road-p1", "mine", "p1", TransportMode.Road, perTonne: 20).Link("rail-p1", "mine", "p1", perTonne: 1, builtBy: "rail")
            .Link("m-p2", "mine", "p2", perTonne: 1)
            .Link("p1-k", "p1", "market", TransportMode.Sea, perTonne: 10).Link("p2-k", "p2", "market", TransportMode.Sea, perTonne: 10)
            .Option("rail", 100)
            .Build();

    [Fact]
    public void The_console_summary_shows_status_builds_routes_bottlenecks_and_costs()
    {
        var network = PortNetwork();
        var result = Solve.Optimal(network);
        using var writer = new StringWriter();
        ResultConsoleWriter.Write(result, network, writer, includeTimings: false);
        var text = writer.ToString();

        // 100 (rail) + 70 × (1 + 2 + 10) + 30 × (1 + 5 + 10) = 100 + 910 + 480 = 1490.
        Assert.Equal(1490, result.Objective!.Value, 6);
        Assert.Contains("Status: Optimal.", text, StringComparison.Ordinal);
        Assert.Contains("Objective: 1,490 USD/yr", text, StringComparison.Ordinal);
        Assert.Matches(@"rail\s+yes\s+Free\s+100\s+100\s+0", text);
        // Operating 11 + 2 = 13 USD/t and the rail's 100 USD/yr spread over the 70 t that use it (1.43) stay apart.
        Assert.Matches(@"ore\s+mine\s+market\s+p1\s+70\s+0\.0\s+11\.00\s+2\.00\s+0\.00\s+0\.00\s+0\.00\s+13\.00\s+1\.43\s+14\.43\n", text);
        Assert.Contains("Capex share = each built option's annualised capex and O&M divided by all tonnes", text, StringComparison.Ordinal);
        Assert.Contains("  1. mine → p1 (rail) → market (sea)\n", text.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.DoesNotContain("Optimal. Optimal.", text, StringComparison.Ordinal);
        Assert.Matches(@"Port\s+p1\s+-\s+70\s+70\s+100\.0\s?%", text);
        Assert.Matches(@"Total\s+1,390\s+100\s+1,490", text);
        Assert.DoesNotContain(" ms", text, StringComparison.Ordinal);
    }

    [Fact]
    public void The_console_summary_of_an_infeasible_model_says_so_without_tables()
    {
        var network = TestNetwork.Create().Mine("m", "ore", 100).Market("k", "ore").Link("l", "m", "k", capacity: 10).Build();
        var result = new NetworkOptimiser().Solve(network, SolverSettings.Default);
        using var writer = new StringWriter();
        ResultConsoleWriter.Write(result, network, writer);
        Assert.Contains("Status: Infeasible: no plan meets every constraint", writer.ToString(), StringComparison.Ordinal);
        Assert.Contains("No solution to report.", writer.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void The_json_result_is_versioned_and_carries_the_whole_result()
    {
        var result = Solve.Optimal(PortNetwork());
        using var doc = JsonDocument.Parse(ResultJsonWriter.ToJson(result));
        var root = doc.RootElement;
        Assert.Equal(1, root.GetProperty("resultFormatVersion").GetInt32());
        Assert.Equal("optimal", root.GetProperty("status").GetString());
        Assert.Equal(1490, root.GetProperty("objectiveUsdPerYear").GetDouble(), 6);
        Assert.Equal(root.GetProperty("objectiveUsdPerYear").GetDouble(), root.GetProperty("costs").GetProperty("totalUsdPerYear").GetDouble(), 6);
        Assert.Equal(140 + 150, root.GetProperty("costs").GetProperty("byCategory").GetProperty("portHandling").GetDouble(), 6);
        Assert.Equal("scip", root.GetProperty("solver").GetProperty("backend").GetString());
        Assert.Equal(2, root.GetProperty("routes").GetArrayLength());
        Assert.Equal("rail-p1", root.GetProperty("routes")[0].GetProperty("legs")[0].GetProperty("link").GetString());
        var perTonne = root.GetProperty("routes")[0].GetProperty("perTonneUsd");
        Assert.Equal(13, perTonne.GetProperty("operating").GetDouble(), 9);
        Assert.Equal(100.0 / 70, perTonne.GetProperty("capexShare").GetDouble(), 9);
        Assert.Equal(perTonne.GetProperty("operating").GetDouble() + perTonne.GetProperty("capexShare").GetDouble(), perTonne.GetProperty("total").GetDouble(), 9);
        Assert.True(root.GetProperty("builds")[0].GetProperty("built").GetBoolean());
        Assert.Equal(JsonValueKind.Object, root.GetProperty("prices").ValueKind);
        Assert.Equal(JsonValueKind.Null, root.GetProperty("diagnosis").ValueKind);
        Assert.Equal(
            ["resultFormatVersion", "status", "terminationReason", "statusMessage", "objectiveUsdPerYear", "bestBoundUsdPerYear", "relativeGap", "solver", "builds", "routes",
             "linkFlows", "portFlows", "bottlenecks", "costs", "deliveries", "unshipped", "prices", "diagnosis"],
            root.EnumerateObject().Select(p => p.Name));
    }

    [Fact]
    public void The_json_result_is_byte_identical_across_solves_without_timings()
    {
        var network = RandomNetworks.Create(11, withOptions: true);
        var first = ResultJsonWriter.ToJson(Solve.Optimal(network), includeTimings: false);
        var second = ResultJsonWriter.ToJson(Solve.Optimal(network), includeTimings: false);
        Assert.Equal(first, second);
        Assert.DoesNotContain("timingsMs", first, StringComparison.Ordinal);
    }
}
