using System.Text;

namespace Logistics.Cli.Tests;

/// <summary>
/// Crash classes of issue 9 as a user meets them: each gives a clear message and exit 1 (2 for usage), never exit 3,
/// never a stack trace, and nothing written where the user did not ask.
/// </summary>
public sealed class HostileInputCommandTests : IDisposable
{
    private static readonly string Root = RepositoryPaths.Root;
    private static readonly string Tiny = Path.Combine(Root, "tests", "Logistics.Network.Tests", "Corpus", "valid", "tiny.network.json");
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "logistics-hostile-" + Guid.NewGuid().ToString("N"));

    public HostileInputCommandTests()
    {
        Directory.CreateDirectory(Path.Combine(_folder, "networks"));
        Directory.CreateDirectory(Path.Combine(_folder, "seeds"));
        File.Copy(Path.Combine(Root, "tests", "Logistics.Network.Tests", "Corpus", "seeds", "tiny.json"), Path.Combine(_folder, "seeds", "tiny.json"));
    }

    public void Dispose()
    {
        if (!OperatingSystem.IsWindows())
        {
            foreach (var directory in Directory.GetDirectories(_folder, "*", SearchOption.AllDirectories))
                File.SetUnixFileMode(directory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        Directory.Delete(_folder, recursive: true);
    }

    [Theory]
    [InlineData("validate")]
    [InlineData("solve")]
    [InlineData("describe")]
    public void Invalid_utf8_in_the_network_file_is_exit_1_with_the_line_and_column(string verb)
    {
        var path = Path.Combine(_folder, "networks", "latin1.network.json");
        File.WriteAllBytes(path, [.. Encoding.UTF8.GetBytes("{\n  \"formatVersion\": 1,\n  \"metadata\": { \"name\": \"Caf"), 0xE9, .. Encoding.UTF8.GetBytes("\" }\n}")]);

        var result = CliRunner.Run(verb, path);

        Assert.Equal(ExitCodes.InvalidInput, result.ExitCode);
        Assert.Contains("latin1.network.json:3:29: error LG0013", result.Out + result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("internal error", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_lone_surrogate_escape_is_exit_1_not_an_internal_error()
    {
        var path = Path.Combine(_folder, "networks", "surrogate.network.json");
        File.WriteAllText(path, "{ \"formatVersion\": 1, \"metadata\": { \"name\": \"\\udc00\" } }");

        var result = CliRunner.Run("validate", path);

        Assert.Equal(ExitCodes.InvalidInput, result.ExitCode);
        Assert.Contains("LG0013", result.Out, StringComparison.Ordinal);
        Assert.Contains("surrogate", result.Out, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("validate")]
    [InlineData("solve")]
    public void A_device_as_the_network_file_is_refused_at_once(string verb)
    {
        if (!OperatingSystem.IsLinux()) return;
        var result = CliRunner.Run(verb, "/dev/zero");

        Assert.Equal(ExitCodes.InvalidInput, result.ExitCode);
        Assert.Contains("dev/zero' is a character device, not a regular file", result.Out + result.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("validate")]
    [InlineData("solve")]
    public void A_nul_in_the_path_argument_is_a_clear_error_not_a_crash(string verb)
    {
        var result = CliRunner.Run(verb, "net\0work.network.json");

        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.Contains("contains a NUL character", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("internal error", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("\0", result.Out + result.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("1e308")]
    [InlineData("Infinity")]
    [InlineData("NaN")]
    [InlineData("-5")]
    [InlineData("0")]
    [InlineData("604801")]
    public void A_time_limit_that_is_not_a_sane_number_of_seconds_is_a_usage_error(string limit)
    {
        var result = CliRunner.Run("solve", Tiny, "--time-limit", limit);

        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.Contains("--time-limit", result.Error, StringComparison.Ordinal);
        Assert.Contains("omit the option for no limit", result.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Infinity")]
    [InlineData("NaN")]
    [InlineData("2")]
    public void A_gap_outside_zero_to_one_is_a_usage_error(string gap) =>
        Assert.Equal(ExitCodes.Usage, CliRunner.Run("solve", Tiny, "--gap", gap).ExitCode);

    [Theory]
    [InlineData("0")]
    [InlineData("65")]
    [InlineData("100000")]
    public void Threads_beyond_what_the_backends_accept_are_a_usage_error_before_any_solve(string threads)
    {
        var result = CliRunner.Run("solve", Tiny, "--threads", threads);

        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.Contains("--threads must be between 1 and 64", result.Error, StringComparison.Ordinal);
        Assert.Equal("", result.Out);
    }

    [Fact]
    public void Json_into_a_folder_or_a_missing_folder_is_refused_before_solving()
    {
        var intoRoot = CliRunner.Run("solve", Tiny, "--json", "/");
        var missing = CliRunner.Run("solve", Tiny, "--json", Path.Combine(_folder, "no-such-folder", "r.json"));
        var analysis = CliRunner.Run("compare", Tiny, "--json", Path.Combine(_folder, "no-such-folder", "c.json"));

        Assert.Equal(ExitCodes.InvalidInput, intoRoot.ExitCode);
        Assert.Contains("--json /: that is a folder", intoRoot.Error, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.InvalidInput, missing.ExitCode);
        Assert.Contains("does not exist; create it first", missing.Error, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.InvalidInput, analysis.ExitCode);
        foreach (var run in new[] { intoRoot, missing, analysis })
            Assert.DoesNotContain("Status:", run.Out, StringComparison.Ordinal); // refused before solving
    }

    [Fact]
    public void Export_model_into_a_missing_folder_is_refused_before_solving()
    {
        var result = CliRunner.Run("solve", Tiny, "--export-model", Path.Combine(_folder, "missing", "m.lp"));

        Assert.Equal(ExitCodes.InvalidInput, result.ExitCode);
        Assert.Contains("--export-model", result.Error, StringComparison.Ordinal);
        Assert.Equal("", result.Out);
    }

    [Fact]
    public void A_full_disk_is_a_clear_error_with_exit_1()
    {
        if (!OperatingSystem.IsLinux() || !File.Exists("/dev/full")) return;
        var result = CliRunner.Run("solve", Tiny, "--json", "/dev/full");

        Assert.Equal(ExitCodes.InvalidInput, result.ExitCode);
        Assert.Contains("cannot write the file", result.Error, StringComparison.Ordinal);
        Assert.Contains("Check that the disk has room", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_model_that_cannot_be_written_leaves_no_partial_or_temporary_file()
    {
        if (!OperatingSystem.IsLinux()) return;
        var locked = Path.Combine(_folder, "locked");
        Directory.CreateDirectory(locked);
        File.SetUnixFileMode(locked, UnixFileMode.UserRead | UnixFileMode.UserExecute);
        if (CanWriteIn(locked)) return; // running as root: permissions do not apply

        var result = CliRunner.Run("solve", Tiny, "--export-model", Path.Combine(locked, "m.lp"));

        Assert.Equal(ExitCodes.InvalidInput, result.ExitCode);
        Assert.Contains("Nothing was written there", result.Error, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFileSystemEntries(locked));
    }

    [Fact]
    public void Export_model_writes_the_whole_file_and_leaves_no_temporary_file_beside_it()
    {
        var result = CliRunner.Run("solve", Tiny, "--export-model", Path.Combine(_folder, "m.mps"));

        Assert.Equal(ExitCodes.Success, result.ExitCode);
        Assert.Equal(["m.mps"], Directory.GetFiles(_folder).Select(Path.GetFileName));
    }

    [Fact]
    public void A_sweep_of_a_million_steps_is_refused_with_its_estimated_time()
    {
        var result = CliRunner.Run("sweep", Tiny, "--param", "links[alpha-junction].tariffUsdPerTkm", "--from", "0.01", "--to", "0.05", "--steps", "1000000", "--time-limit", "10", "--parallel", "2");

        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.Contains("over the maximum of 10,000", result.Error, StringComparison.Ordinal);
        Assert.Contains("57.9 days", result.Error, StringComparison.Ordinal); // 1e6 solves × 10 s / 2 at once
    }

    [Theory]
    [InlineData("links[99999999999].tariffUsdPerTkm")]
    [InlineData("nodes[4294967296].lat")]
    public void A_sweep_path_index_beyond_int32_is_invalid_input_not_a_crash(string path)
    {
        var result = CliRunner.Run("sweep", Tiny, "--param", path, "--from", "1", "--to", "2", "--steps", "2");

        Assert.Equal(ExitCodes.InvalidInput, result.ExitCode);
        Assert.Contains("LG0402", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_seeds_file_without_read_permission_is_reported_not_a_crash()
    {
        if (!OperatingSystem.IsLinux()) return;
        var network = Path.Combine(_folder, "networks", "tiny.network.json");
        File.WriteAllText(network, File.ReadAllText(Tiny).Replace("{ \"file\": \"tiny.old-port-closed.scenario.json\" }", "{ \"id\": \"empty\" }", StringComparison.Ordinal));
        var seeds = Path.Combine(_folder, "seeds", "tiny.json");
        File.SetUnixFileMode(seeds, UnixFileMode.None);
        try
        {
            File.OpenRead(seeds).Dispose();
            return; // running as root: permissions do not apply
        }
        catch (UnauthorizedAccessException)
        {
        }

        var result = CliRunner.Run("validate", network);

        Assert.Equal(ExitCodes.InvalidInput, result.ExitCode);
        Assert.Contains("LG0005", result.Out, StringComparison.Ordinal);
        Assert.Contains("permission denied", result.Out, StringComparison.Ordinal);
    }

    private static bool CanWriteIn(string folder)
    {
        try
        {
            File.WriteAllText(Path.Combine(folder, "probe"), "");
            File.Delete(Path.Combine(folder, "probe"));
            return true;
        }
        catch (UnauthorizedAccessException)
        {
            return false;
        }
    }
}
