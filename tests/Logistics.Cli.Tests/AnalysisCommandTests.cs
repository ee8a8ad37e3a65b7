using System.Text.Json;

using Logistics.Network.IO;
using Logistics.Network.Model;

namespace Logistics.Cli.Tests;

public sealed class AnalysisCommandTests : IDisposable
{
    private static readonly string Default = Path.Combine(RepositoryPaths.Root, "networks", "chagai.network.json");
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "logistics-cli-analysis-" + Guid.NewGuid().ToString("N"));

    public AnalysisCommandTests()
    {
        Directory.CreateDirectory(Path.Combine(_folder, "networks"));
        Directory.CreateDirectory(Path.Combine(_folder, "seeds"));
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void Compare_prints_the_scenarios_side_by_side_and_a_diagnosis_for_an_infeasible_one()
    {
        var file = WriteBridged();
        var json = Path.Combine(_folder, "compare.json");
        var result = CliRunner.Run("compare", file, "--scenarios", "squeeze,cheap-south", "--parallel", "2", "--json", json);
        Assert.Equal(ExitCodes.Success, result.ExitCode);
        Assert.Contains("Compared: base and 2 scenario(s).", result.Out, StringComparison.Ordinal);
        Assert.Matches(@"base\s+optimal\s+0\.0", result.Out);
        Assert.Matches(@"squeeze\s+infeasible\s+-", result.Out);
        Assert.Contains("mine cannot ship 60 of 100 t/yr of ore.", result.Out, StringComparison.Ordinal);
        Assert.Matches(@"north-port\s+100\s+-\s+0", result.Out);
        using var document = JsonDocument.Parse(File.ReadAllText(json));
        var outcomes = document.RootElement.GetProperty("outcomes");
        Assert.Equal(3, outcomes.GetArrayLength());
        Assert.Equal("infeasible", outcomes[1].GetProperty("status").GetString());
        Assert.Equal(60, outcomes[1].GetProperty("diagnosis").GetProperty("unshippedTonnes").GetDouble(), 6);
    }

    [Fact]
    public void Compare_prints_the_difference_from_the_base_by_cost_category_and_by_port()
    {
        var result = CliRunner.Run("compare", WriteBridged(), "--scenarios", "squeeze,cheap-south");
        Assert.Equal(ExitCodes.Success, result.ExitCode);
        var categories = Section(result.Out, "Cost by category, difference from the base (M USD/yr)");
        Assert.Matches(@"category\s+squeeze\s+cheap-south\n", categories);
        Assert.Matches(@"\n\s+Transport\s+-\s+0\.0\n", categories);
        var ports = Section(result.Out, "Tonnes through each port, difference from the base (t/yr)");
        Assert.Matches(@"\n\s+north-port\s+-\s+-100\n", ports);
        Assert.Matches(@"\n\s+south-port\s+-\s+\+100\n", ports);
        Assert.Contains("Tonnes through each port (t/yr)", result.Out, StringComparison.Ordinal);
    }

    /// <summary>The console section that starts with <paramref name="title"/>, up to the blank line that ends it.</summary>
    private static string Section(string output, string title)
    {
        var start = output.IndexOf(title + "\n", StringComparison.Ordinal);
        Assert.True(start >= 0, $"no section '{title}' in:\n{output}");
        var end = output.IndexOf("\n\n", start, StringComparison.Ordinal);
        return output[start..(end < 0 ? output.Length : end + 1)];
    }

    [Fact]
    public void Compare_rejects_an_unknown_scenario_with_exit_code_1_and_the_known_ones()
    {
        var result = CliRunner.Run("compare", WriteBridged(), "--scenarios", "nope");
        Assert.Equal(ExitCodes.InvalidInput, result.ExitCode);
        Assert.Contains("defines no scenario 'nope'. Known scenarios: cheap-south, squeeze.", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Value_answers_the_Pasni_question_on_the_default_network_and_writes_json()
    {
        var json = Path.Combine(_folder, "value.json");
        var result = CliRunner.Run("value", Default, "--option", "pasni-package", "--json", json);
        Assert.Equal(ExitCodes.Success, result.ExitCode);
        Assert.Contains("Optimum: optimal, 211.8 M USD/yr, builds rohri-nokkundi-upgrade", result.Out, StringComparison.Ordinal);
        Assert.Matches(@"pasni-package \+ minlink-north\s+no\s+3,804\.0\s+315\.7\s+449\.3\s+211\.8\s+\+154\.3\s+\+78\.2\s+-237\.4", result.Out);
        // One vocabulary: every term of the value analysis, by its shared name, as a column and in the legend.
        foreach (var term in Logistics.Analysis.ValueTerms.All)
            Assert.Contains($"  {term.Name}: {term.Definition}", result.Out, StringComparison.Ordinal);
        Assert.Contains("Analysis written to value.json.", result.Out, StringComparison.Ordinal);
        using var document = JsonDocument.Parse(File.ReadAllText(json));
        Assert.Equal(2, document.RootElement.GetProperty("valuations").GetArrayLength());
        Assert.Equal("bundle", document.RootElement.GetProperty("valuations")[0].GetProperty("kind").GetString());
    }

    [Fact]
    public void Value_rejects_an_unknown_option_with_exit_code_1()
    {
        var result = CliRunner.Run("value", Default, "--option", "atlantis-port");
        Assert.Equal(ExitCodes.InvalidInput, result.ExitCode);
        Assert.Contains("has no option 'atlantis-port'", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Sweep_prints_each_point_and_the_switching_point_it_brackets()
    {
        var json = Path.Combine(_folder, "sweep.json");
        var result = CliRunner.Run("sweep", WriteBridged(), "--param", "options[express].capexUsd", "--from", "0", "--to", "240", "--steps", "4", "--tolerance", "0.001", "--json", json);
        Assert.Equal(ExitCodes.Success, result.ExitCode);
        Assert.Contains("Sweep of options[express].capexUsd from 0 to 240 (base network), 4 points", result.Out, StringComparison.Ordinal);
        Assert.Matches(@"\n\s+80\s+optimal\s+0\.0\s+100\.0\s+0\.0\s+express\n", result.Out);
        Assert.Matches(@"\n\s+160\s+optimal\s+0\.0\s+100\.0\s+0\.0\s+\(none\)\n", result.Out);
        Assert.Contains("Switching points (bracketed to 0.001)", result.Out, StringComparison.Ordinal);
        Assert.Matches(@"\n\s+(99\.99\d*|100)\s+100(\.00\d*)?\s+(99\.99\d*|100(\.00\d*)?)\s+express\s+\(none\)", result.Out);
        Assert.Contains("No switching point", CliRunner.Run("sweep", WriteBridged(), "--param", "links[north].tariffUsdPerTonne", "--from", "1", "--to", "2", "--steps", "2").Out, StringComparison.Ordinal);
        Assert.True(File.Exists(json));
    }

    [Fact]
    public void Sweep_of_a_filtered_path_says_how_many_figures_it_changes()
    {
        var result = CliRunner.Run("sweep", WriteBridged(), "--param", "links[mode=rail].tariffUsdPerTonne", "--from", "0", "--to", "1", "--steps", "2");
        Assert.Equal(ExitCodes.Success, result.ExitCode);
        Assert.Contains("The path 'links[mode=rail].tariffUsdPerTonne' changes 4 figures.", result.Out, StringComparison.Ordinal);
        var all = CliRunner.Run("sweep", WriteBridged(), "--param", "links[*].tariffUsdPerTonne", "--from", "0", "--to", "1", "--steps", "2");
        Assert.Contains("The path 'links[*].tariffUsdPerTonne' changes 6 figures.", all.Out, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--steps", "1")]
    [InlineData("--parallel", "0")]
    [InlineData("--tolerance", "-1")]
    public void Sweep_usage_errors_exit_2(string option, string value)
    {
        var result = CliRunner.Run("sweep", Default, "--param", "metadata.discountRate", "--from", "0.05", "--to", "0.1", option, value);
        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.StartsWith("error: ", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Sweep_without_param_is_a_usage_error_and_a_path_that_matches_nothing_is_invalid_input()
    {
        Assert.Equal(ExitCodes.Usage, CliRunner.Run("sweep", Default, "--from", "1", "--to", "2").ExitCode);
        var result = CliRunner.Run("sweep", Default, "--param", "options[atlantis].capexUsd", "--from", "1", "--to", "2", "--steps", "2");
        Assert.Equal(ExitCodes.InvalidInput, result.ExitCode);
        Assert.Contains("options[atlantis].capexUsd", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Resilience_ranks_the_bridge_first_and_writes_json()
    {
        var json = Path.Combine(_folder, "resilience.json");
        var result = CliRunner.Run("resilience", WriteBridged(), "--top", "3", "--json", json);
        Assert.Equal(ExitCodes.Success, result.ExitCode);
        Assert.Matches(@"\n\s+1\s+link\s+bridge\s+0\.0\s+100\s+0\.0\s+100\s", result.Out);
        Assert.Contains("more (use --json for all).", result.Out, StringComparison.Ordinal);
        using var document = JsonDocument.Parse(File.ReadAllText(json));
        Assert.Equal("bridge", document.RootElement.GetProperty("outages")[0].GetProperty("elementId").GetString());
    }

    [Theory]
    [InlineData("compare", "--scenarios", "all")]
    [InlineData("value", "--option", "express")]
    [InlineData("sweep", "--param", "options[express].capexUsd", "--from", "0", "--to", "240", "--steps", "4")]
    [InlineData("resilience", "--top", "2")]
    public void Each_analysis_verb_writes_byte_identical_json_on_two_runs(string verb, params string[] options)
    {
        var file = WriteBridged();
        byte[] RunOnce(string name)
        {
            var json = Path.Combine(_folder, name);
            var result = CliRunner.Run([verb, file, .. options, "--parallel", "2", "--json", json]);
            Assert.True(result.ExitCode == ExitCodes.Success, result.Error);
            return File.ReadAllBytes(json);
        }

        var first = RunOnce("first.json");
        var second = RunOnce("second.json");
        Assert.Equal(first, second);
        Assert.DoesNotContain("wallTime", System.Text.Encoding.UTF8.GetString(first), StringComparison.Ordinal);
    }

    [Fact]
    public void With_timings_the_compare_json_carries_each_solves_times()
    {
        var json = Path.Combine(_folder, "timed.json");
        var result = CliRunner.Run("compare", WriteBridged(), "--scenarios", "cheap-south", "--json", json, "--timings");
        Assert.Equal(ExitCodes.Success, result.ExitCode);
        using var document = JsonDocument.Parse(File.ReadAllText(json));
        var solver = document.RootElement.GetProperty("outcomes")[0].GetProperty("result").GetProperty("solver");
        Assert.True(solver.GetProperty("wallTime").GetDouble() >= 0);
        Assert.True(solver.TryGetProperty("solveTime", out _));
    }

    [Theory]
    [InlineData("--time-limit", "0")]
    [InlineData("--time-limit", "-1")]
    [InlineData("--gap", "-0.1")]
    [InlineData("--solver", "gurobi")]
    public void Every_solving_verb_rejects_bad_solver_options_with_exit_code_2(string option, string value)
    {
        var file = WriteBridged();
        string[][] verbs =
        [
            ["solve", file], ["compare", file], ["value", file], ["resilience", file],
            ["sweep", file, "--param", "options[express].capexUsd", "--from", "0", "--to", "240"],
            ["report", file, "--out", Path.Combine(_folder, "never")],
        ];
        foreach (var verb in verbs)
        {
            var result = CliRunner.Run([.. verb, option, value]);
            Assert.True(result.ExitCode == ExitCodes.Usage, $"{verb[0]} {option} {value}: exit {result.ExitCode}");
            Assert.StartsWith("error", result.Error, StringComparison.Ordinal);
        }

        Assert.False(Directory.Exists(Path.Combine(_folder, "never")));
    }

    [Fact]
    public void An_analysis_whose_solves_hit_the_time_limit_says_so_and_exits_4()
    {
        // One millisecond is far below what SCIP needs to set up the default network, so no point is proven.
        var result = CliRunner.Run("sweep", Default, "--param", "metadata.discountRate", "--from", "0.05", "--to", "0.1", "--steps", "2", "--time-limit", "0.001", "--parallel", "2");
        Assert.Equal(ExitCodes.Feasible, result.ExitCode);
        Assert.Contains("Not proven optimal: 2 of 2 solves stopped at the time or gap limit", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void The_solver_option_reaches_the_analysis_solves()
    {
        var json = Path.Combine(_folder, "cbc.json");
        var result = CliRunner.Run("compare", WriteBridged(), "--scenarios", "cheap-south", "--solver", "cbc", "--gap", "0", "--time-limit", "60", "--json", json);
        Assert.Equal(ExitCodes.Success, result.ExitCode);
        Assert.Matches(@"base\s+optimal\s+0\.0", result.Out);
        Assert.DoesNotContain("Not proven optimal", result.Out, StringComparison.Ordinal);
        using var document = JsonDocument.Parse(File.ReadAllText(json));
        foreach (var outcome in document.RootElement.GetProperty("outcomes").EnumerateArray())
            Assert.Equal("cbc", outcome.GetProperty("result").GetProperty("solver").GetProperty("backend").GetString());
        Assert.Equal(2, document.RootElement.GetProperty("tally").GetProperty("solves").GetInt32());
    }

    [Fact]
    public void Analysis_verbs_report_a_missing_file_with_exit_code_1()
    {
        foreach (var verb in new[] { "compare", "value", "resilience" })
        {
            var result = CliRunner.Run(verb, Path.Combine(_folder, "missing.network.json"));
            Assert.Equal(ExitCodes.InvalidInput, result.ExitCode);
            Assert.Contains("missing.network.json", result.Error, StringComparison.Ordinal);
        }
    }

    /// <summary>
    /// 100 t from a mine over one bridge to a hub, then north (1 USD/t, cheaper) or south (2 USD/t) to two ports. Scenario
    /// <c>squeeze</c> caps the bridge at 40 t (infeasible: 60 t cannot ship); <c>cheap-south</c> makes the south leg free.
    /// Option <c>express</c> (capex 30) builds a free hub → north-port line: it saves 100 USD/yr, so it breaks even at 100.
    /// </summary>
    private string WriteBridged()
    {
        var ore = new CommodityId("ore");
        Node N(string id, NodeKind kind) => new(new NodeId(id), id, kind, 0, 0, 0,
            kind == NodeKind.Mine ? [new MineSupply(ore, 100, false)] : [], kind == NodeKind.Port ? new PortFacility(null, 0) : null,
            kind == NodeKind.Market ? [new MarketDemand(ore, 0, null, null)] : []);
        Link L(string id, string from, string to, double perTonne, TransportMode mode = TransportMode.Rail) =>
            new(new LinkId(id), id, new NodeId(from), new NodeId(to), mode, 0, LengthBasis.Given, 0, perTonne, null, 0, LinkDirection.OneWay, CapacitySharing.PerDirection, [], 0, null);
        Scenario S(string id, string path, double value) => new(new ScenarioId(id), id, "", [new ScenarioChange(path, ChangeOperation.Set, value)], [], [], [], [], []);
        var network = new NetworkBuilder()
            .WithMetadata(new NetworkMetadata("bridged", "", "USD", 2025, 0, 25, null))
            .Add(new Commodity(ore, "ore", 0))
            .Add(N("mine", NodeKind.Mine)).Add(N("hub", NodeKind.Junction)).Add(N("north-port", NodeKind.Port)).Add(N("south-port", NodeKind.Port)).Add(N("market", NodeKind.Market))
            .Add(L("bridge", "mine", "hub", 0)).Add(L("north", "hub", "north-port", 1)).Add(L("south", "hub", "south-port", 2))
            .Add(L("north-sea", "north-port", "market", 0, TransportMode.Sea)).Add(L("south-sea", "south-port", "market", 0, TransportMode.Sea))
            .Add(new Link(new LinkId("express-line"), "express-line", new NodeId("hub"), new NodeId("north-port"), TransportMode.Rail, 0, LengthBasis.Given, 0, 0, null, 0,
                LinkDirection.OneWay, CapacitySharing.PerDirection, [], 0, new OptionId("express")))
            .Add(new InvestmentOption(new OptionId("express"), "express", "", 30, 1, 0, [], [], [], BuildDecision.Free))
            .Add(S("squeeze", "links[bridge].capacityTpy", 40))
            .Add(S("cheap-south", "links[south].tariffUsdPerTonne", 0))
            .Build();
        var path = Path.Combine(_folder, "networks", "bridged.network.json");
        File.WriteAllText(path, NetworkWriter.Write(network));
        return path;
    }
}
