using System.Text.Json;

namespace Logistics.Cli.Tests;

/// <summary>`logistics solve` as a user runs it: console output, files written, exit codes.</summary>
public sealed class SolveCommandTests : IDisposable
{
    private static readonly string Root = RepositoryPaths.Root;
    private static readonly string Tiny = Path.Combine(Root, "tests", "Logistics.Network.Tests", "Corpus", "valid", "tiny.network.json");
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "logistics-solve-" + Guid.NewGuid().ToString("N"));

    public SolveCommandTests()
    {
        Directory.CreateDirectory(Path.Combine(_folder, "networks"));
        Directory.CreateDirectory(Path.Combine(_folder, "seeds"));
        File.Copy(Path.Combine(Root, "tests", "Logistics.Network.Tests", "Corpus", "seeds", "tiny.json"), Path.Combine(_folder, "seeds", "tiny.json"));
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    /// <summary>A mine whose only line holds 400 of its 1,000 t/yr: infeasible, and the diagnosis must say why.</summary>
    private string ShortLine()
    {
        var path = Path.Combine(_folder, "networks", "short.network.json");
        File.WriteAllText(path, """
            {
              "formatVersion": 1,
              "metadata": { "name": "Short line", "source": "tiny-assumption", "currency": "USD", "baseYear": 2028, "discountRate": 0, "horizonYears": 25 },
              "commodities": [ { "id": "ore", "source": "tiny-assumption", "valueUsdPerTonne": 100 } ],
              "nodes": [
                { "id": "mine", "kind": "mine", "lat": 29, "lon": 62, "source": "tiny-assumption", "supply": [ { "commodity": "ore", "tonnesPerYear": 1000 } ] },
                { "id": "port", "kind": "port", "lat": 25, "lon": 63, "source": "tiny-assumption", "port": { "handlingUsdPerTonne": 5 } },
                { "id": "market", "kind": "market", "lat": 30, "lon": 120, "source": "tiny-assumption", "demand": [ { "commodity": "ore" } ] }
              ],
              "links": [
                { "id": "line", "name": "Mine line", "from": "mine", "to": "port", "mode": "rail", "lengthKm": 100, "tariffUsdPerTkm": 0.02, "capacityTpy": 400, "source": "tiny-assumption" },
                { "id": "sea", "from": "port", "to": "market", "mode": "sea", "lengthKm": 9000, "tariffUsdPerTonne": 20, "source": "tiny-assumption" }
              ]
            }
            """);
        return path;
    }

    [Fact]
    public void Solve_prints_the_plan_with_prices_and_exits_0_when_optimal()
    {
        var result = CliRunner.Run("solve", Tiny);
        Assert.Equal(ExitCodes.Success, result.ExitCode);
        var text = result.Out.ReplaceLineEndings("\n");
        Assert.Contains("Status: Optimal.\n", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Optimal. Optimal.", text, StringComparison.Ordinal);
        Assert.Contains("  1. alpha → junction (road) → old-port (rail) → east (sea)\n", text, StringComparison.Ordinal);
        Assert.Contains("Prices (USD per tonne)", text, StringComparison.Ordinal);
        Assert.Contains("Conditional on the builds", text, StringComparison.Ordinal);
        Assert.Matches(@"alpha\s+cu-conc\s+-3,026\.93", text);
    }

    [Fact]
    public void Warnings_of_the_loaded_network_are_summed_up_in_one_line_that_points_to_validate()
    {
        // A seed that no figure cites (and is not marked context-only) is a warning.
        var corpus = Path.GetDirectoryName(Tiny)!;
        foreach (var file in Directory.GetFiles(corpus, "tiny.*"))
            File.Copy(file, Path.Combine(_folder, "networks", Path.GetFileName(file)));
        File.WriteAllText(Path.Combine(_folder, "seeds", "unused.json"), """
            { "formatVersion": 1, "seeds": [ { "id": "nobody-cites-me", "value": 1, "unit": "km", "confidence": "assumption", "low": 0, "high": 2 } ] }
            """);
        var network = Path.Combine(_folder, "networks", "tiny.network.json");

        var result = CliRunner.Run("solve", network);

        Assert.Equal(ExitCodes.Success, result.ExitCode);
        Assert.Matches(@"tiny\.network\.json: 1 warning\(s\); 'logistics validate .*tiny\.network\.json' lists them\.", result.Error);
        Assert.DoesNotContain("LG0603", result.Error, StringComparison.Ordinal);
        Assert.Contains("Status: Optimal.", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Solve_writes_a_parseable_json_result_with_prices()
    {
        var output = Path.Combine(_folder, "result.json");
        var result = CliRunner.Run("solve", Tiny, "--json", output);
        Assert.Equal(ExitCodes.Success, result.ExitCode);
        Assert.Contains("Result written to result.json.", result.Out, StringComparison.Ordinal);
        using var document = JsonDocument.Parse(File.ReadAllText(output));
        Assert.Equal("optimal", document.RootElement.GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Object, document.RootElement.GetProperty("prices").ValueKind);
    }

    [Fact]
    public void Solve_with_timings_prints_where_the_time_went_stage_by_stage_and_without_them_prints_none()
    {
        var timed = CliRunner.Run("solve", Tiny, "--timings");
        var plain = CliRunner.Run("solve", Tiny);

        Assert.Equal(ExitCodes.Success, timed.ExitCode);
        var text = timed.Out.ReplaceLineEndings("\n");
        Assert.Matches(@"\nTimings\n  stage +ms\n  -+  -+\n", text);
        foreach (var stage in new[] { "process start", "read (files, JSON, overlays, seeds, hash)", "bind and validate", "validate: references", "validate: seeds",
            "validate: reachability", "validate: commodity reachability", "validate: supply capacity", "model build", "solve", "extraction", "prices", "output", "total since process start" })
            Assert.Matches($@"\n  +{System.Text.RegularExpressions.Regex.Escape(stage)}[^\n]*\s\d+\.\d\n", text);
        Assert.DoesNotContain("\nTimings\n", plain.Out.ReplaceLineEndings("\n"), StringComparison.Ordinal);
    }

    [Fact]
    public void An_infeasible_network_prints_the_diagnosis_and_exits_5()
    {
        var output = Path.Combine(_folder, "result.json");
        var result = CliRunner.Run("solve", ShortLine(), "--json", output);
        Assert.Equal(ExitCodes.Infeasible, result.ExitCode);
        Assert.Contains("Why it is infeasible", result.Out, StringComparison.Ordinal);
        Assert.Contains("600 t/yr of ore from mine cannot pass link Mine line (line) from mine to port: it carries at most 400 t/yr and no option adds capacity on it.", result.Out, StringComparison.Ordinal);
        using var document = JsonDocument.Parse(File.ReadAllText(output));
        Assert.Equal("linkCapacity", document.RootElement.GetProperty("diagnosis").GetProperty("findings")[0].GetProperty("kind").GetString());
    }

    [Fact]
    public void An_invalid_network_exits_1_with_its_diagnostics()
    {
        var broken = Path.Combine(Root, "tests", "Logistics.Network.Tests", "Corpus", "broken", "LG0302-link-to-missing-node.network.json");
        var result = CliRunner.Run("solve", broken);
        Assert.Equal(ExitCodes.InvalidInput, result.ExitCode);
        Assert.Contains("LG0302", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Out + result.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--gap", "-1")]
    [InlineData("--time-limit", "0")]
    [InlineData("--threads", "0")]
    [InlineData("--solver", "gurobi")]
    [InlineData("--export-model", "model.txt")]
    [InlineData("--backend-params", "no/such/parameter = 7")]
    public void Bad_option_values_are_usage_errors_with_exit_code_2(string option, string value)
    {
        var result = CliRunner.Run("solve", Tiny, option, value);
        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.Contains("error", result.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("model.lp", "linkCapacity[alpha_junction_fwd]")] // The LP writer turns '-', ':' and '>' into '_'.
    [InlineData("model.mps", "linkCapacity[alpha-junction:fwd]")]
    public void Export_model_writes_the_model_with_readable_family_names(string name, string row)
    {
        var path = Path.Combine(_folder, name);
        var result = CliRunner.Run("solve", Tiny, "--export-model", path);
        Assert.Equal(ExitCodes.Success, result.ExitCode);
        Assert.Contains($"Model written to {name}.", result.Out, StringComparison.Ordinal);
        var text = File.ReadAllText(path);
        Assert.Contains(row, text, StringComparison.Ordinal);
        foreach (var family in new[] { "build[", "flow[", "inject[", "absorb[", "delivered[", "conserve[", "supply[alpha][cu", "deliver[", "linkCapacity[", "portCapacity[old", "requires[rail", "excludes[", "capexBudget" })
            Assert.Contains(family, text, StringComparison.Ordinal);
    }
}
