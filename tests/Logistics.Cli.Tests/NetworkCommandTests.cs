using Logistics.Network.Loading;
namespace Logistics.Cli.Tests;

public class NetworkCommandTests
{
    private static readonly string Root = RepositoryPaths.Root;
    private static readonly string Corpus = Path.Combine(Root, "tests", "Logistics.Network.Tests", "Corpus");
    private static readonly string Tiny = Path.Combine(Corpus, "valid", "tiny.network.json");

    private static string Broken(string name) => Path.Combine(Corpus, "broken", name + ".network.json");

    [Fact]
    public void Validate_accepts_the_valid_sample_with_exit_code_0()
    {
        var result = CliRunner.Run("validate", Tiny, "--strict");
        Assert.Equal(ExitCodes.Success, result.ExitCode);
        Assert.EndsWith("valid (0 errors, 0 warnings).\n", result.Out.ReplaceLineEndings("\n"), StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_prints_each_problem_with_place_code_path_message_and_hint_and_exits_1()
    {
        var file = Broken("LG0302-link-to-missing-node");
        var result = CliRunner.Run("validate", file);
        Assert.Equal(ExitCodes.InvalidInput, result.ExitCode);
        Assert.Contains($"{file}:74:13: error LG0302 at links[junction-port].to: links[junction-port].to names node 'prot', which does not exist. Hint: Did you mean 'port'?", result.Out, StringComparison.Ordinal);
        Assert.Contains("error LG0502", result.Out, StringComparison.Ordinal);
        Assert.Contains("invalid (3 errors,", result.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Out + result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_passes_warnings_but_strict_turns_them_into_errors()
    {
        var file = Broken("LG0505-supply-exceeds-capacity");
        var lenient = CliRunner.Run("validate", file);
        Assert.Equal(ExitCodes.Success, lenient.ExitCode);
        Assert.Contains("warning LG0505", lenient.Out, StringComparison.Ordinal);
        Assert.Contains("6,000,000 t/y but at most 4,000,000 t/y", lenient.Out, StringComparison.Ordinal);
        var strict = CliRunner.Run("validate", file, "--strict");
        Assert.Equal(ExitCodes.InvalidInput, strict.ExitCode);
        Assert.Contains("error LG0505", strict.Out, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("LG0003-empty-file", "LG0003")]
    [InlineData("LG0010-syntax-missing-comma", "LG0010")]
    [InlineData("LG0012-top-level-array", "LG0012")]
    public void Validate_reports_files_that_are_not_networks_without_a_stack_trace(string name, string code)
    {
        var result = CliRunner.Run("validate", Broken(name));
        Assert.Equal(ExitCodes.InvalidInput, result.ExitCode);
        Assert.Contains(code, result.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", result.Out + result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_reports_a_missing_file_and_a_directory_with_their_codes()
    {
        Assert.Contains("LG0001", CliRunner.Run("validate", Path.Combine(Corpus, "nope.network.json")).Out, StringComparison.Ordinal);
        var directory = CliRunner.Run("validate", Corpus);
        Assert.Equal(ExitCodes.InvalidInput, directory.ExitCode);
        Assert.Contains("LG0002", directory.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_without_a_file_is_a_usage_error()
    {
        Assert.Equal(ExitCodes.Usage, CliRunner.Run("validate").ExitCode);
    }

    [Fact]
    public void Validate_with_an_unknown_scenario_names_the_known_ones()
    {
        var result = CliRunner.Run("validate", Tiny, "--scenario", "phase9");
        Assert.Equal(ExitCodes.InvalidInput, result.ExitCode);
        Assert.Contains("LG0401", result.Out, StringComparison.Ordinal);
        Assert.Contains("Known scenarios: phase2, old-port-closed.", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_also_checks_every_scenario_and_says_which_one_a_problem_comes_from()
    {
        var folder = Path.Combine(Path.GetTempPath(), "logistics-cli-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            var text = File.ReadAllText(Broken("LG0603-unused-seeds"))
                .Replace("\"scenarios\": []", "\"scenarios\": [ { \"id\": \"no-port\", \"disable\": [\"port\"] } ]", StringComparison.Ordinal);
            Directory.CreateDirectory(Path.Combine(folder, "networks"));
            Directory.CreateDirectory(Path.Combine(folder, "seeds"));
            File.Copy(Path.Combine(Corpus, "seeds", "tiny.json"), Path.Combine(folder, "seeds", "tiny.json"));
            var file = Path.Combine(folder, "networks", "n.network.json");
            File.WriteAllText(file, text);
            var result = CliRunner.Run("validate", file);
            Assert.Equal(ExitCodes.InvalidInput, result.ExitCode);
            Assert.Contains("In scenario 'no-port': Mine 'mine' has no path to any port", result.Out, StringComparison.Ordinal);
            Assert.Equal(ExitCodes.InvalidInput, CliRunner.Run("validate", file, "--scenario", "no-port").ExitCode);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void Describe_prints_stable_aligned_tables_of_the_network_with_the_scenario_applied()
    {
        var result = CliRunner.Run("describe", Tiny, "--scenario", "phase2");
        Assert.Equal(ExitCodes.Success, result.ExitCode);
        var text = result.Out.ReplaceLineEndings("\n");
        Assert.Contains("Scenario: phase2\n", text, StringComparison.Ordinal);
        Assert.Contains("  alpha  Alpha mine  cu-conc      2,000,000  no\n", text, StringComparison.Ordinal);
        Assert.Contains("  new-port-package  New port and railway  1.80 bn USD      40  24.0 M USD/yr", text, StringComparison.Ordinal);
        Assert.Contains("forced in", text, StringComparison.Ordinal);
        Assert.Contains("Links whose length is great-circle distance × circuity (2)", text, StringComparison.Ordinal);
        Assert.Contains("  alpha-junction     alpha     junction  road     296.17\n", text, StringComparison.Ordinal);
        Assert.Contains("Figures without a source (0)", text, StringComparison.Ordinal);
        Assert.Equal(result.Out, CliRunner.Run("describe", Tiny, "--scenario", "phase2").Out);
    }

    public static TheoryData<string> ShippedNetworks() =>
        new(Directory.GetFiles(Path.Combine(Root, "networks"), "*.network.json").Select(f => Path.GetFileName(f)).Order(StringComparer.Ordinal));

    [Theory]
    [MemberData(nameof(ShippedNetworks))]
    public void Validate_strict_passes_on_every_shipped_network_and_each_of_its_scenarios(string file)
    {
        // Article seeds kept for the record are marked contextOnly, the only seeds allowed to stay uncited (seeds/README.md).
        var path = Path.Combine(Root, "networks", file);
        var result = CliRunner.Run("validate", path, "--strict");
        Assert.True(result.ExitCode == ExitCodes.Success, result.Out + result.Error);
        var loaded = Network.Loading.NetworkLoader.Load(path);
        foreach (var scenario in loaded.Network!.Scenarios)
        {
            var withScenario = CliRunner.Run("validate", path, "--scenario", scenario.Id.Value, "--strict");
            Assert.True(withScenario.ExitCode == ExitCodes.Success, $"{scenario.Id}: {withScenario.Out}{withScenario.Error}");
        }
    }

    [Fact]
    public void Describe_counts_the_figures_that_rest_on_an_assumption_alone_and_lists_the_weakest_first()
    {
        var path = Path.Combine(Root, "networks", "chagai.network.json");
        var loaded = Network.Loading.NetworkLoader.Load(path);
        var network = loaded.Network!;
        var assumed = network.Figures.Count(f => f.Source is { } s && loaded.Seeds.TryGet(s, out var seed) && seed.Confidence == Network.IO.SeedConfidence.Assumption);
        Assert.True(assumed > 0);

        var result = CliRunner.Run("describe", path);
        Assert.Equal(ExitCodes.Success, result.ExitCode);
        var text = result.Out.ReplaceLineEndings("\n");
        Assert.Contains($"Figures resting on an assumption alone ({assumed:#,0} of {network.Figures.Length:#,0}, citing ", text, StringComparison.Ordinal);

        // The rows after the heading are seeds in descending order of range ÷ value.
        var lines = text[text.IndexOf("Figures resting on an assumption alone", StringComparison.Ordinal)..].Split('\n');
        var spreads = lines.Skip(4).TakeWhile(l => l.StartsWith("  ", StringComparison.Ordinal) && !l.StartsWith("  …", StringComparison.Ordinal))
            .Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries)[0])
            .Select(id => loaded.Seeds.TryGet(new Network.Model.SeedId(id), out var seed) ? seed : throw new InvalidOperationException(id))
            .Select(s => (s.High!.Value - s.Low!.Value) / Math.Abs(s.Value ?? ((s.Low.Value + s.High.Value) / 2)))
            .ToList();
        Assert.Equal(10, spreads.Count);
        Assert.Equal(spreads.OrderByDescending(x => x), spreads);
    }

    [Fact]
    public void Describe_lists_figures_without_a_source()
    {
        var result = CliRunner.Run("describe", Broken("LG0601-figure-without-source"));
        Assert.Equal(ExitCodes.Success, result.ExitCode);
        Assert.Contains("Figures without a source (2)", result.Out, StringComparison.Ordinal);
        Assert.Contains("metadata.discountRate", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Describe_refuses_an_invalid_network_with_exit_code_1()
    {
        var result = CliRunner.Run("describe", Broken("LG0301-duplicate-node-id"));
        Assert.Equal(ExitCodes.InvalidInput, result.ExitCode);
        Assert.Contains("LG0301", result.Error, StringComparison.Ordinal);
        Assert.Equal("", result.Out);
    }

    [Theory]
    [InlineData("schema", "schema")]
    [InlineData("docs", "docs")]
    public void Generated_files_written_by_the_cli_match_the_committed_ones(string verb, string folder)
    {
        var output = Path.Combine(Path.GetTempPath(), "logistics-gen-" + Guid.NewGuid().ToString("N"));
        try
        {
            var result = CliRunner.Run(verb, "--out", output);
            Assert.Equal(ExitCodes.Success, result.ExitCode);
            var files = Directory.GetFiles(output);
            Assert.NotEmpty(files);
            foreach (var file in files)
                Assert.Equal(File.ReadAllText(Path.Combine(Root, folder, Path.GetFileName(file))).ReplaceLineEndings("\n"), File.ReadAllText(file));
        }
        finally
        {
            if (Directory.Exists(output)) Directory.Delete(output, recursive: true);
        }
    }
}
