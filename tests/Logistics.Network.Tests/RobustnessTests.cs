using System.Text.RegularExpressions;

using Logistics.Network.IO;

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

    [GeneratedRegex(@":\s*(-?[0-9][0-9.e]*|""[^""]*""|true|false)")]
    private static partial Regex ValueRegex();

    [GeneratedRegex(@"""id"":\s*""([a-z0-9-]+)""")]
    private static partial Regex IdRegex();
}
