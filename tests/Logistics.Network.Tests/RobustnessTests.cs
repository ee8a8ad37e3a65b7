using System.Text.RegularExpressions;

using Logistics.Network.IO;
using Logistics.Network.Loading;

namespace Logistics.Network.Tests;

/// <summary>Mangled versions of the valid sample must give diagnostics, never exceptions (seeded, so every run is the same).</summary>
public partial class RobustnessTests
{
    [Fact]
    public void Three_hundred_mangled_files_load_without_throwing_and_each_reports_or_passes()
    {
        var original = File.ReadAllText(CorpusPaths.Valid("tiny.network.json"));
        var path = CorpusPaths.Valid("tiny.network.json");
        var random = new Random(20261127);
        var replacements = new[] { "\"x\"", "-1", "1e400", "null", "true", "{}", "[]", "0", "\"Bad Id\"", "{ \"value\": 1, \"source\": \"nope\" }" };
        for (var i = 0; i < 300; i++)
        {
            var text = original;
            switch (i % 4)
            {
                case 0: // drop a line
                    var lines = text.Split('\n').ToList();
                    lines.RemoveAt(random.Next(lines.Count));
                    text = string.Join('\n', lines);
                    break;
                case 1: // replace a value
                    var values = ValueRegex().Matches(text);
                    var m = values[random.Next(values.Count)];
                    text = text[..m.Groups[1].Index] + replacements[random.Next(replacements.Length)] + text[(m.Groups[1].Index + m.Groups[1].Length)..];
                    break;
                case 2: // cut the file short
                    text = text[..random.Next(text.Length)];
                    break;
                default: // swap two ids
                    var ids = IdRegex().Matches(text);
                    var a = ids[random.Next(ids.Count)].Groups[1].Value;
                    var b = ids[random.Next(ids.Count)].Groups[1].Value;
                    text = text.Replace($"\"{a}\"", "\"\u0001\"", StringComparison.Ordinal).Replace($"\"{b}\"", $"\"{a}\"", StringComparison.Ordinal).Replace("\"\u0001\"", $"\"{b}\"", StringComparison.Ordinal);
                    break;
            }

            var (source, diagnostics) = NetworkSource.FromText(text, path);
            var result = source?.Bind(new LoadOptions { Scenario = i % 3 == 0 ? "phase2" : null });
            var all = diagnostics.Concat(result?.Diagnostics ?? []).ToList();
            Assert.All(all, d => Assert.Matches("^LG[0-9]{4}$", d.Code));
            if (result is { Succeeded: true }) Assert.NotNull(result.Network);
        }
    }

    [Fact]
    public void Three_hundred_byte_mangled_files_including_invalid_utf8_give_diagnostics_never_exceptions()
    {
        var original = File.ReadAllBytes(CorpusPaths.Valid("tiny.network.json"));
        var path = CorpusPaths.Valid("tiny.network.json");
        var random = new Random(20261202);
        byte[] hostile = [0x00, 0x80, 0xBF, 0xC0, 0xC3, 0xED, 0xF4, 0xF5, 0xFE, 0xFF, (byte)'"', (byte)'\\', (byte)'{', (byte)']'];
        var encodingErrors = 0;
        for (var i = 0; i < 300; i++)
        {
            var bytes = original.ToList();
            for (var n = 1 + random.Next(3); n > 0; n--)
            {
                var at = random.Next(bytes.Count);
                var value = random.Next(2) == 0 ? hostile[random.Next(hostile.Length)] : (byte)random.Next(256);
                if (i % 2 == 0) bytes[at] = value; // flip
                else bytes.Insert(at, value); // insert
            }

            var (file, problem) = FileInput.Parse(path, path, [.. bytes]);
            if (problem is not null)
            {
                Assert.Matches("^LG00[0-9]{2}$", problem.Code);
                Assert.NotNull(problem.Line);
                encodingErrors += problem.Code == "LG0013" ? 1 : 0;
                continue;
            }

            var (source, diagnostics) = NetworkSource.FromText(System.Text.Encoding.UTF8.GetString([.. bytes]), path);
            var result = source?.Bind();
            Assert.All(diagnostics.Concat(result?.Diagnostics ?? []), d => Assert.Matches("^LG[0-9]{4}$", d.Code));
            Assert.NotNull(file);
        }

        Assert.True(encodingErrors > 10, $"only {encodingErrors} files hit the UTF-8 check");
    }

    [Fact]
    public void Every_kind_of_file_in_place_of_an_input_gives_a_diagnostic_never_a_hang_or_a_throw()
    {
        using var temp = new TempNetwork();
        var regular = temp.Write("networks/tiny.network.json", File.ReadAllText(CorpusPaths.Valid("tiny.network.json")));
        var candidates = new List<string> { regular, temp.Root, Path.Combine(temp.Root, "missing.json"), "", "a\0b" };
        if (OperatingSystem.IsLinux())
        {
            candidates.AddRange(["/dev/zero", "/dev/null", "/dev/urandom", "/proc/self/status"]);
            var dangling = Path.Combine(temp.Root, "dangling.json");
            File.CreateSymbolicLink(dangling, Path.Combine(temp.Root, "nowhere.json"));
            var loop = Path.Combine(temp.Root, "loop.json");
            File.CreateSymbolicLink(loop, loop);
            candidates.AddRange([dangling, loop]);
        }

        foreach (var candidate in candidates)
        {
            var read = InputFileReader.Read(candidate);
            Assert.True(read.Bytes is not null ^ read.Problem is not null, candidate);
            if (read.Problem is { } problem) Assert.Matches("^LG000[1-6]$", problem.Code);
        }

        Assert.NotNull(InputFileReader.Read(regular).Bytes);
    }

    [GeneratedRegex(@":\s*(-?[0-9][0-9.e]*|""[^""]*""|true|false)")]
    private static partial Regex ValueRegex();

    [GeneratedRegex(@"""id"":\s*""([a-z0-9-]+)""")]
    private static partial Regex IdRegex();
}
