namespace Logistics.Cli.Tests;

/// <summary>The report verb as a user runs it: where the bundle goes, what is refused, and the exit codes.</summary>
public sealed class ReportCommandTests : IDisposable
{
    private static readonly string Root = RepositoryPaths.Root;
    private static readonly string Corpus = Path.Combine(Root, "tests", "Logistics.Network.Tests", "Corpus");
    private static readonly string Tiny = Path.Combine(Corpus, "valid", "tiny.network.json");
    private readonly string _temp = Path.Combine(Path.GetTempPath(), "logistics-cli-report-tests", Guid.NewGuid().ToString("N"));

    public ReportCommandTests() => Directory.CreateDirectory(_temp);

    [Fact]
    public void Report_writes_the_bundle_into_the_out_folder_and_exits_0()
    {
        var output = Path.Combine(_temp, "bundle");
        var result = CliRunner.Run("report", Tiny, "--out", output, "--analyses", "solve,compare", "--parallel", "1");
        Assert.True(result.ExitCode == ExitCodes.Success, result.Error);
        foreach (var name in new[] { "report.html", "report.md", "result.json", "routes.csv", "flows.csv", "builds.csv", "costs.csv", "network.geojson", "map.svg" })
            Assert.True(File.Exists(Path.Combine(output, name)), name);
        Assert.Contains("Bundle written to", result.Out, StringComparison.Ordinal);
        // Written beside DIR and renamed into place: nothing temporary is left behind.
        Assert.Equal([output], Directory.GetDirectories(_temp));
    }

    [Fact]
    public void Without_timings_two_runs_write_byte_identical_bundles_and_with_them_the_run_time_is_stated()
    {
        string Bundle(string name, params string[] extra)
        {
            var output = Path.Combine(_temp, name);
            var result = CliRunner.Run(["report", Tiny, "--out", output, "--analyses", "solve,compare,value,resilience", "--parallel", "2", .. extra]);
            Assert.True(result.ExitCode == ExitCodes.Success, result.Error);
            return output;
        }

        var first = Bundle("first");
        var second = Bundle("second");
        foreach (var name in Directory.GetFiles(first, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(first, f)))
        {
            var a = File.ReadAllText(Path.Combine(first, name));
            var b = File.ReadAllText(Path.Combine(second, name));
            var at = Enumerable.Range(0, Math.Min(a.Length, b.Length)).FirstOrDefault(i => a[i] != b[i], Math.Min(a.Length, b.Length));
            Assert.True(a == b, $"{name} differs between two runs at character {at}: '{a[Math.Max(0, at - 80)..Math.Min(a.Length, at + 80)]}' against '{b[Math.Max(0, at - 80)..Math.Min(b.Length, at + 80)]}'");
        }
        Assert.DoesNotContain("startedAt", File.ReadAllText(Path.Combine(first, "result.json")), StringComparison.Ordinal);
        // Two runs a minute apart must agree too: no clock reading anywhere in the text.
        Assert.DoesNotContain(" UTC", File.ReadAllText(Path.Combine(first, "report.md")), StringComparison.Ordinal);
        Assert.DoesNotContain(" UTC", File.ReadAllText(Path.Combine(first, "report.html")), StringComparison.Ordinal);

        var timed = Bundle("timed", "--timings");
        Assert.Contains("\"startedAt\"", File.ReadAllText(Path.Combine(timed, "result.json")), StringComparison.Ordinal);
        Assert.Contains("\"timingsMs\"", File.ReadAllText(Path.Combine(timed, "result.json")), StringComparison.Ordinal);
        Assert.Contains("| Run time |", File.ReadAllText(Path.Combine(timed, "report.md")), StringComparison.Ordinal);
    }

    [Fact]
    public void Report_with_a_scenario_writes_a_bundle_of_that_scenario_and_names_it()
    {
        var output = Path.Combine(_temp, "phase2");
        var result = CliRunner.Run("report", Tiny, "--scenario", "phase2", "--out", output, "--analyses", "solve", "--parallel", "1");
        Assert.True(result.ExitCode == ExitCodes.Success, result.Error);
        Assert.StartsWith("phase2: optimal", result.Out, StringComparison.Ordinal);
        var md = File.ReadAllText(Path.Combine(output, "report.md"));
        Assert.Contains("logistics report, scenario phase2", md, StringComparison.Ordinal);
        Assert.Contains("| Scenario reported on | phase2 |", md, StringComparison.Ordinal);
        Assert.Contains("\"scenario\": \"phase2\"", File.ReadAllText(Path.Combine(output, "result.json")), StringComparison.Ordinal);
        Assert.Contains("\"scenario\": \"phase2\"", File.ReadAllText(Path.Combine(output, "request.json")), StringComparison.Ordinal);
        // The scenario's figures, not the base's: alpha's phase-2 output (2 Mt/yr) is what ships.
        Assert.StartsWith("phase2,", File.ReadAllLines(Path.Combine(output, "routes.csv"))[1], StringComparison.Ordinal);
        var shipped = File.ReadAllLines(Path.Combine(output, "routes.csv")).Skip(1).Where(l => l.Contains(",cu-conc,alpha,", StringComparison.Ordinal))
            .Sum(l => double.Parse(l.Split(',')[5], System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(2_000_000, shipped, 3);
    }

    [Fact]
    public void Report_with_a_scenario_the_file_does_not_define_exits_1_naming_the_known_ones_and_writes_nothing()
    {
        var output = Path.Combine(_temp, "nope");
        var result = CliRunner.Run("report", Tiny, "--scenario", "phase9", "--out", output, "--analyses", "solve");
        Assert.Equal(ExitCodes.InvalidInput, result.ExitCode);
        Assert.Contains("defines no scenario 'phase9'", result.Error, StringComparison.Ordinal);
        Assert.Contains("Known scenarios: phase2", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(output));
    }

    [Fact]
    public void A_folder_holding_files_the_tool_did_not_write_is_refused_and_with_force_they_are_moved_aside_never_deleted()
    {
        var output = Path.Combine(_temp, "taken");
        Directory.CreateDirectory(output);
        File.WriteAllText(Path.Combine(output, "notes.txt"), "keep me");

        var refused = CliRunner.Run("report", Tiny, "--out", output, "--analyses", "solve");
        Assert.Equal(ExitCodes.Usage, refused.ExitCode);
        Assert.Contains("notes.txt", refused.Error, StringComparison.Ordinal);
        Assert.Contains("--force", refused.Error, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(output, "notes.txt")));
        Assert.Equal([output], Directory.GetDirectories(_temp));

        var forced = CliRunner.Run("report", Tiny, "--out", output, "--analyses", "solve", "--force");
        Assert.True(forced.ExitCode == ExitCodes.Success, forced.Error);
        Assert.True(File.Exists(Path.Combine(output, "report.md")));
        Assert.False(File.Exists(Path.Combine(output, "notes.txt")));
        Assert.Equal("keep me", File.ReadAllText(Path.Combine(output + ".old", "notes.txt")));
        Assert.Contains(output + ".old", forced.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void An_earlier_bundle_is_replaced_without_force_and_only_its_own_unchanged_files_are_deleted()
    {
        var output = Path.Combine(_temp, "weekly");
        Assert.Equal(ExitCodes.Success, CliRunner.Run("report", Tiny, "--out", output, "--analyses", "solve").ExitCode);
        Assert.True(File.Exists(Path.Combine(output, "bundle-manifest.json")));

        // An untouched bundle is the tool's own: replaced in place, nothing left aside.
        var again = CliRunner.Run("report", Tiny, "--out", output, "--analyses", "solve,compare");
        Assert.True(again.ExitCode == ExitCodes.Success, again.Error);
        Assert.Equal([output], Directory.GetDirectories(_temp));

        // A planner edited report.md: that file is no longer the tool's, so it is kept (with --force, aside).
        File.AppendAllText(Path.Combine(output, "report.md"), "\nMy comments.\n");
        var refused = CliRunner.Run("report", Tiny, "--out", output, "--analyses", "solve");
        Assert.Equal(ExitCodes.Usage, refused.ExitCode);
        Assert.Contains("report.md", refused.Error, StringComparison.Ordinal);
        var forced = CliRunner.Run("report", Tiny, "--out", output, "--analyses", "solve", "--force");
        Assert.True(forced.ExitCode == ExitCodes.Success, forced.Error);
        Assert.Equal(["report.md"], Directory.GetFileSystemEntries(output + ".old").Select(Path.GetFileName));
        Assert.EndsWith("My comments.\n", File.ReadAllText(Path.Combine(output + ".old", "report.md")), StringComparison.Ordinal);
        Assert.DoesNotContain("My comments.", File.ReadAllText(Path.Combine(output, "report.md")), StringComparison.Ordinal);
    }

    [Fact]
    public void An_out_folder_that_holds_an_input_is_refused_even_with_force_and_every_input_survives()
    {
        var inputs = Path.Combine(_temp, "work");
        var network = HostileNetwork.Write(inputs);
        var before = Directory.GetFiles(inputs, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList();

        // The network's own folder (as "--out . --force" from there), and a folder above both it and the seeds.
        foreach (var output in new[] { Path.GetDirectoryName(network)!, inputs, Path.Combine(inputs, "seeds") })
        {
            var result = CliRunner.Run("report", network, "--out", output, "--analyses", "solve", "--force");
            Assert.Equal(ExitCodes.Usage, result.ExitCode);
            Assert.Contains("holds an input", result.Error, StringComparison.Ordinal);
        }

        Assert.Equal(before, Directory.GetFiles(inputs, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal));
        Assert.Equal([inputs], Directory.GetDirectories(_temp));
    }

    [Fact]
    public void A_folder_linked_to_the_inputs_folder_is_refused_too()
    {
        var inputs = Path.Combine(_temp, "work");
        var network = HostileNetwork.Write(inputs);
        var link = Path.Combine(_temp, "alias");
        Directory.CreateSymbolicLink(link, Path.GetDirectoryName(network)!);
        var inside = Path.Combine(_temp, "via-link");
        Directory.CreateSymbolicLink(inside, inputs);

        Assert.Contains("symbolic link", CliRunner.Run("report", network, "--out", link, "--force").Error, StringComparison.Ordinal);
        var result = CliRunner.Run("report", network, "--out", Path.Combine(inside, "valid"), "--force");
        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.Contains("holds an input", result.Error, StringComparison.Ordinal);
        Assert.True(File.Exists(network));
    }

    [Fact]
    public async Task The_root_folder_or_an_existing_file_as_out_fails_at_once_with_exit_2_before_anything_is_solved()
    {
        var file = Path.Combine(_temp, "result.txt");
        File.WriteAllText(file, "not a folder");
        var chagai = Path.Combine(Root, "networks", "chagai.network.json");

        // The full default report takes far longer than this deadline (every analysis on the shipped network): a
        // refusal that came after solving would miss it.
        var runs = Task.Run(() => (CliRunner.Run("report", chagai, "--out", "/"), CliRunner.Run("report", chagai, "--out", file, "--force")));
        Assert.True(await Deadline.CompletesWithinAsync(runs, TimeSpan.FromSeconds(20)), "both refusals came within 20 s");
        var (root, onFile) = await runs;

        Assert.Equal(ExitCodes.Usage, root.ExitCode);
        Assert.Contains("root of the file system", root.Error, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.Usage, onFile.ExitCode);
        Assert.Contains("is a file", onFile.Error, StringComparison.Ordinal);
        Assert.Equal("not a folder", File.ReadAllText(file));
        Assert.Empty(root.Out + onFile.Out);
    }

    [Theory]
    [InlineData("current")]
    [InlineData("/usr")]
    [InlineData("home")]
    public void Force_never_moves_aside_the_current_folder_the_home_folder_or_a_top_level_one(string which)
    {
        // Checked on the folder logic itself: a broken check must not get as far as moving a real folder aside.
        var target = which switch
        {
            "current" => Directory.GetCurrentDirectory(),
            "home" => Environment.GetFolderPath(Environment.SpecialFolder.UserProfile),
            _ => which,
        };
        var (folder, error) = Logistics.Reports.Export.OutputFolder.Prepare(target, [], force: true);
        folder?.Abandon();
        Assert.Null(folder);
        Assert.Contains("not moved aside", error, StringComparison.Ordinal);
    }

    [Fact]
    public void An_out_folder_that_cannot_be_created_fails_before_solving_with_exit_2()
    {
        // Nobody, root included, can create a folder in /proc.
        var result = CliRunner.Run("report", Tiny, "--out", "/proc/logistics-report-test/bundle");
        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.Contains("cannot write", result.Error, StringComparison.Ordinal);
        Assert.Empty(result.Out);
    }

    [Fact]
    public void An_invalid_file_exits_1_and_still_writes_a_bundle_with_its_diagnostics()
    {
        var output = Path.Combine(_temp, "invalid");
        var result = CliRunner.Run("report", Path.Combine(Corpus, "broken", "LG0302-link-to-missing-node.network.json"), "--out", output);
        Assert.Equal(ExitCodes.InvalidInput, result.ExitCode);
        var md = File.ReadAllText(Path.Combine(output, "report.md"));
        Assert.Contains("LG0302", md, StringComparison.Ordinal);
        Assert.Contains("| 74 | 13 |", md, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--analyses", "solve,magic")]
    [InlineData("--sweep", "metadata.discountRate:0.04:x:5")]
    [InlineData("--parallel", "0")]
    [InlineData("--time-limit", "-1")]
    public void Bad_options_are_usage_errors_with_exit_code_2(string option, string value)
    {
        var result = CliRunner.Run("report", Tiny, "--out", Path.Combine(_temp, "never"), option, value);
        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.False(Directory.Exists(Path.Combine(_temp, "never")));
    }

    [Fact]
    public void A_solve_that_hits_its_time_limit_before_any_solution_exits_7_and_says_so()
    {
        // One millisecond is far below what SCIP needs to set up the default network, so no solution can exist yet.
        var output = Path.Combine(_temp, "timed-out");
        var result = CliRunner.Run("report", Path.Combine(Root, "networks", "chagai.network.json"), "--out", output, "--analyses", "solve", "--time-limit", "0.001");
        Assert.Equal(ExitCodes.NoSolution, result.ExitCode);
        var md = File.ReadAllText(Path.Combine(output, "report.md"));
        Assert.Contains("no solution was found before the time limit", md, StringComparison.Ordinal);
    }

    [Fact]
    public void The_out_option_is_required()
    {
        Assert.Equal(ExitCodes.Usage, CliRunner.Run("report", Tiny).ExitCode);
    }

    public void Dispose()
    {
        try { Directory.Delete(_temp, recursive: true); } catch (IOException) { }
    }
}
