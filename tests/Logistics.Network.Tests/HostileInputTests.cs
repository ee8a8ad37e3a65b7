using System.Diagnostics;
using System.Text;

using Logistics.Network.IO;
using Logistics.Network.Loading;

namespace Logistics.Network.Tests;

/// <summary>
/// Inputs that would exhaust the machine or crash the reader (issue 9): special files, oversized files, invalid UTF-8,
/// one-line files, hostile scenario paths and overlays. Each gives a diagnostic naming the file, never a hang or a throw.
/// </summary>
public class HostileInputTests
{
    private static string Tiny => CorpusPaths.Valid("tiny.network.json");

    [Fact]
    public void A_named_pipe_is_refused_at_once_without_waiting_for_a_writer()
    {
        if (!OperatingSystem.IsLinux()) return;
        using var temp = new TempNetwork();
        var fifo = Path.Combine(temp.Root, "networks", "pipe.network.json");
        MakeFifo(fifo);

        var read = InputFileReader.Read(fifo, "pipe.network.json");

        Assert.Null(read.Bytes);
        Assert.Equal("LG0006", read.Problem!.Code);
        Assert.Contains("named pipe", read.Problem.Message, StringComparison.Ordinal);
        Assert.Equal("pipe.network.json", read.Problem.File);
    }

    [Theory]
    [InlineData("/dev/zero", "character device")]
    [InlineData("/dev/urandom", "character device")]
    [InlineData("/dev/null", "character device")]
    public void A_device_is_refused_by_its_type_not_read_until_the_size_limit(string device, string kind)
    {
        if (!OperatingSystem.IsLinux()) return;
        var result = NetworkLoader.Load(device);

        var problem = Assert.Single(result.Diagnostics);
        Assert.Equal("LG0006", problem.Code);
        Assert.Contains(kind, problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_symbolic_link_to_a_device_is_refused_and_one_to_a_regular_file_is_read()
    {
        if (!OperatingSystem.IsLinux()) return;
        using var temp = new TempNetwork();
        var toDevice = Path.Combine(temp.Root, "networks", "zero.network.json");
        File.CreateSymbolicLink(toDevice, "/dev/zero");
        var toFile = Path.Combine(temp.Root, "networks", "tiny.network.json");
        File.CreateSymbolicLink(toFile, Tiny);

        Assert.Equal("LG0006", InputFileReader.Read(toDevice).Problem!.Code);
        Assert.Equal(File.ReadAllBytes(Tiny), InputFileReader.Read(toFile).Bytes);
    }

    [Fact]
    public void Special_and_oversized_seeds_files_are_refused_like_the_network_file_and_the_others_still_load()
    {
        if (!OperatingSystem.IsLinux()) return;
        using var temp = new TempNetwork();
        var path = temp.Write("networks/n.network.json", File.ReadAllText(Tiny).Replace("\"file\": \"tiny.old-port-closed.scenario.json\"", "\"id\": \"empty\"", StringComparison.Ordinal));
        temp.Write("seeds/tiny.json", File.ReadAllText(Path.Combine(CorpusPaths.Corpus, "seeds", "tiny.json")));
        MakeFifo(Path.Combine(temp.Root, "seeds", "pipe.json"));
        File.CreateSymbolicLink(Path.Combine(temp.Root, "seeds", "random.json"), "/dev/urandom");
        using (var sparse = File.Create(Path.Combine(temp.Root, "seeds", "sparse.json")))
            sparse.SetLength(1L << 30); // 1 GiB of holes: nothing may read it whole

        var before = GC.GetTotalAllocatedBytes(precise: true);
        var (source, diagnostics) = NetworkSource.Read(path);
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - before;

        Assert.NotNull(source);
        Assert.Contains(diagnostics, d => d.Code == "LG0006" && d.File!.EndsWith("pipe.json", StringComparison.Ordinal));
        Assert.Contains(diagnostics, d => d.Code == "LG0006" && d.File!.EndsWith("random.json", StringComparison.Ordinal));
        Assert.Contains(diagnostics, d => d.Code == "LG0004" && d.File!.EndsWith("sparse.json", StringComparison.Ordinal) && d.Message.Contains("1024.0 MiB", StringComparison.Ordinal));
        Assert.True(allocated < 64L << 20, $"{allocated:N0} bytes allocated");
        Assert.Contains(source!.Inputs.Files, f => f.Key == "../seeds/sparse.json" && !f.Present);
        Assert.True(source.Seeds.TryGet(new Model.SeedId("tiny-assumption"), out _));
    }

    [Fact]
    public void A_seeds_file_without_read_permission_is_a_diagnostic_not_a_crash()
    {
        if (!OperatingSystem.IsLinux()) return;
        using var temp = new TempNetwork();
        var path = temp.Write("networks/n.network.json", File.ReadAllText(Tiny).Replace("\"file\": \"tiny.old-port-closed.scenario.json\"", "\"id\": \"empty\"", StringComparison.Ordinal));
        var seeds = temp.Write("seeds/tiny.json", File.ReadAllText(Path.Combine(CorpusPaths.Corpus, "seeds", "tiny.json")));
        File.SetUnixFileMode(seeds, UnixFileMode.None);
        if (CanOpen(seeds)) return; // running as root: permissions do not apply

        var (source, diagnostics) = NetworkSource.Read(path);

        Assert.NotNull(source);
        var problem = Assert.Single(diagnostics, d => d.Code == "LG0005");
        Assert.Contains("permission denied", problem.Message, StringComparison.Ordinal);
        Assert.EndsWith("tiny.json", problem.File, StringComparison.Ordinal);
    }

    [Fact]
    public void A_path_with_a_nul_character_is_refused_with_the_nul_shown_escaped()
    {
        var read = InputFileReader.Read("net\0work.json");

        Assert.Equal("LG0005", read.Problem!.Code);
        Assert.Contains("net\\u0000work.json", read.Problem.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\0', read.Problem.ToString());
    }

    [Fact]
    public void A_file_over_the_size_limit_is_refused_without_reading_it()
    {
        using var temp = new TempNetwork();
        var path = Path.Combine(temp.Root, "networks", "big.network.json");
        using (var big = File.Create(path))
            big.SetLength(InputFileReader.MaxBytes + 1);

        var read = InputFileReader.Read(path, "big.network.json");

        Assert.Equal("LG0004", read.Problem!.Code);
        Assert.Contains("the limit is 16 MiB", read.Problem.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new byte[] { 0xFF }, 1, 32)]
    [InlineData(new byte[] { 0xC3 }, 1, 32)] // a lead byte without its continuation
    [InlineData(new byte[] { 0xED, 0xA0, 0x80 }, 1, 32)] // a surrogate encoded in UTF-8 (CESU)
    [InlineData(new byte[] { 0xC0, 0xAF }, 1, 32)] // an overlong '/'
    public void Invalid_utf8_in_a_string_is_reported_at_its_line_and_column(byte[] bad, int line, int column)
    {
        var bytes = Encoding.UTF8.GetBytes("{ \"formatVersion\": 1, \"name\": \"").Concat(bad).Concat(Encoding.UTF8.GetBytes("\" }")).ToArray();

        var (file, problem) = FileInput.Parse("x.network.json", "x.network.json", bytes);

        Assert.Null(file);
        Assert.Equal("LG0013", problem!.Code);
        Assert.Equal((line, column), (problem.Line, problem.Column));
    }

    [Fact]
    public void Invalid_utf8_in_a_key_on_a_later_line_is_reported_there()
    {
        var bytes = Encoding.UTF8.GetBytes("{\n  \"formatVersion\": 1,\n  \"na").Concat(new byte[] { 0xFE }).Concat(Encoding.UTF8.GetBytes("me\": 1\n}")).ToArray();

        var (_, problem) = FileInput.Parse("x.network.json", "x.network.json", bytes);

        Assert.Equal(("LG0013", 3, 6), (problem!.Code, problem.Line, problem.Column));
    }

    [Theory]
    [InlineData("{ \"name\": \"\\ud800\" }", 1, 11)]
    [InlineData("{ \"name\": \"x\\udc00y\" }", 1, 11)]
    [InlineData("{\n \"\\ud83d\": 1 }", 2, 2)]
    public void A_lone_surrogate_escape_in_a_string_or_key_is_an_encoding_error_at_its_position(string json, int line, int column)
    {
        var (_, problem) = FileInput.Parse("x.network.json", "x.network.json", Encoding.UTF8.GetBytes(json));

        Assert.Equal(("LG0013", line, column), (problem!.Code, problem.Line, problem.Column));
        Assert.Contains("surrogate", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_surrogate_pair_escape_and_multi_byte_text_are_read_and_counted_as_characters()
    {
        var json = "{ \"a\": \"\\ud83d\\ude00\", \"é\": \"ü\", \"z\": 1 }";

        var (file, problem) = FileInput.Parse("x.network.json", "x.network.json", Encoding.UTF8.GetBytes(json));

        Assert.Null(problem);
        var root = (IO.Json.JObject)file!.Root;
        Assert.Equal("\U0001F600", ((IO.Json.JValue)root["a"]!).Text);
        Assert.Equal(json.IndexOf("\"z\"", StringComparison.Ordinal) + 1, root.Property("z")!.NamePosition.Column);
    }

    [Fact]
    public void Positions_on_a_file_written_on_one_line_are_the_columns_of_each_token()
    {
        var items = string.Join(", ", Enumerable.Range(0, 2000).Select(i => $"{{ \"id\": \"n{i}\" }}"));
        var json = "{ \"nodes\": [" + items + "] }";

        var (root, error) = IO.Json.PositionedJsonReader.Parse(Encoding.UTF8.GetBytes(json), "one-line.json");

        Assert.Null(error);
        var nodes = ((IO.Json.JArray)((IO.Json.JObject)root!)["nodes"]!).Items;
        foreach (var i in new[] { 0, 1, 999, 1999 })
        {
            var expected = json.IndexOf($"{{ \"id\": \"n{i}\" }}", StringComparison.Ordinal) + 1;
            Assert.Equal((1, expected), (nodes[i].Position.Line, nodes[i].Position.Column));
        }
    }

    [Theory]
    [InlineData("nodes[99999999999].lat")]
    [InlineData("nodes[2147483648].lat")]
    [InlineData("links[99999999999999999999999999999].capacityTpy")]
    public void A_scenario_path_index_beyond_int32_matches_nothing_instead_of_overflowing(string path)
    {
        var (source, _) = NetworkSource.Read(Tiny);

        var result = source!.Bind(new LoadOptions { ExtraChanges = [new Model.ScenarioChange(path, Model.ChangeOperation.Set, 1, null)] });

        Assert.Contains(result.Diagnostics, d => d.Code == "LG0402");
    }

    [Fact]
    public void An_overlay_whose_scenario_also_names_a_file_is_an_error_not_silently_dropped()
    {
        using var temp = new TempNetwork();
        var path = WriteWithOverlay(temp, """{ "formatVersion": 1, "scenario": { "id": "nested", "file": "other.scenario.json" } }""");

        var result = NetworkLoader.Load(path);

        var problem = Assert.Single(result.Diagnostics, d => d.Code == "LG0406" && d.Path == "scenario.file");
        Assert.Contains("do not nest", problem.Message, StringComparison.Ordinal);
        Assert.EndsWith("o.scenario.json", problem.File, StringComparison.Ordinal);
        Assert.False(result.Succeeded);
    }

    [Fact]
    public void An_overlay_holding_only_a_file_reference_is_an_error_not_silently_dropped()
    {
        using var temp = new TempNetwork();
        var path = WriteWithOverlay(temp, """{ "formatVersion": 1, "file": "other.scenario.json" }""");

        var result = NetworkLoader.Load(path);

        Assert.Contains(result.Diagnostics, d => d.Code == "LG0406" && d.Message.Contains("holds no \"scenario\" object (overlay files do not name other files)", StringComparison.Ordinal));
        Assert.False(result.Succeeded);
    }

    [Fact]
    public void One_overlay_file_named_by_many_scenarios_is_read_once_and_its_problems_reported_once()
    {
        using var temp = new TempNetwork();
        var entries = string.Join(", ", Enumerable.Repeat("{ \"file\": \"o.scenario.json\" }", 50));
        var path = temp.Write("networks/n.network.json", File.ReadAllText(Tiny).Replace("{ \"file\": \"tiny.old-port-closed.scenario.json\" }", entries, StringComparison.Ordinal));
        temp.Write("networks/o.scenario.json", "{ \"formatVersion\": 1, \"scenario\": { \"id\": \"x\", ");
        temp.Write("seeds/tiny.json", File.ReadAllText(Path.Combine(CorpusPaths.Corpus, "seeds", "tiny.json")));

        var (source, diagnostics) = NetworkSource.Read(path);

        Assert.Single(diagnostics, d => d.Code == "LG0010");
        Assert.Single(source!.Inputs.Files, f => f.Key == "o.scenario.json");
        Assert.Equal(50, diagnostics.Count(d => d.Code == "LG0406"));
    }

    [Fact]
    public void The_loader_and_the_input_set_read_alone_give_the_same_content_hash_and_moving_the_tree_keeps_it()
    {
        using var temp = new TempNetwork();
        var path = temp.Write("networks/n.network.json", File.ReadAllText(Tiny).Replace("tiny.old-port-closed.scenario.json", "o.scenario.json", StringComparison.Ordinal));
        temp.Write("networks/o.scenario.json", File.ReadAllText(CorpusPaths.Valid("tiny.old-port-closed.scenario.json")));
        temp.Write("seeds/tiny.json", File.ReadAllText(Path.Combine(CorpusPaths.Corpus, "seeds", "tiny.json")));

        var loader = NetworkSource.Read(path).Source!;
        var (set, _) = InputSet.Read(path);

        Assert.Equal(loader.ContentHash, set!.ContentHash);
        Assert.Equal(["n.network.json", "../seeds/tiny.json", "o.scenario.json"], set.Files.Select(f => f.Key));
        Assert.All(set.Files, f => Assert.Matches("^[0-9a-f]{64}$", f.Sha256));
        var moved = temp.Root + "-moved";
        Directory.Move(temp.Root, moved);
        try
        {
            Assert.Equal(loader.ContentHash, InputSet.Read(Path.Combine(moved, "networks", "n.network.json")).Set!.ContentHash);
        }
        finally
        {
            Directory.Move(moved, temp.Root);
        }
    }

    [Fact]
    public void A_network_file_that_does_not_parse_is_an_input_set_of_itself_alone()
    {
        using var temp = new TempNetwork();
        var path = temp.Write("networks/n.network.json", "{ \"scenarios\": [ { \"file\": \"x.scenario.json\" } ");
        temp.Write("seeds/tiny.json", "{}");

        var (set, problem) = InputSet.Read(path);

        Assert.Null(problem);
        Assert.Equal(["n.network.json"], set!.Files.Select(f => f.Key));
    }

    private static string WriteWithOverlay(TempNetwork temp, string overlay)
    {
        var path = temp.Write("networks/n.network.json", File.ReadAllText(Tiny).Replace("tiny.old-port-closed.scenario.json", "o.scenario.json", StringComparison.Ordinal));
        temp.Write("networks/o.scenario.json", overlay);
        temp.Write("seeds/tiny.json", File.ReadAllText(Path.Combine(CorpusPaths.Corpus, "seeds", "tiny.json")));
        return path;
    }

    private static void MakeFifo(string path)
    {
        using var process = Process.Start(new ProcessStartInfo("mkfifo", [path]) { UseShellExecute = false })!;
        process.WaitForExit();
        Assert.Equal(0, process.ExitCode);
    }

    private static bool CanOpen(string path)
    {
        try
        {
            File.OpenRead(path).Dispose();
            return true;
        }
        catch (UnauthorizedAccessException)
        {
            return false;
        }
    }
}
