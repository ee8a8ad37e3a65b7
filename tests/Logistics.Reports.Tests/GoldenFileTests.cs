using System.Text.RegularExpressions;

namespace Logistics.Reports.Tests;

/// <summary>
/// The Markdown report and the CSV tables of the default network, compared with files checked into Golden/chagai.
/// Set LOGISTICS_UPDATE_GOLDEN=1 to rewrite them after an intended change, then review the diff.
/// </summary>
[Collection(DefaultBundleCollection.Name)]
public sealed class GoldenFileTests(DefaultBundle bundle)
{
    [Theory]
    [InlineData("report.md")]
    [InlineData("routes.csv")]
    [InlineData("flows.csv")]
    [InlineData("builds.csv")]
    [InlineData("costs.csv")]
    public void The_default_network_bundle_matches_its_golden_file(string name) => MatchesGolden(bundle.Read(name), TestPaths.Golden(name), name);

    /// <summary>Compares a written file with its golden file (normalised), or rewrites the golden file when LOGISTICS_UPDATE_GOLDEN=1.</summary>
    internal static void MatchesGolden(string content, string golden, string name)
    {
        var written = content.Replace("\r\n", "\n", StringComparison.Ordinal);
        var actual = Normalise(written);
        if (Environment.GetEnvironmentVariable("LOGISTICS_UPDATE_GOLDEN") == "1")
        {
            Directory.CreateDirectory(Path.GetDirectoryName(golden)!);
            File.WriteAllText(golden, written);
        }

        Assert.True(File.Exists(golden), $"No golden file {golden}; run with LOGISTICS_UPDATE_GOLDEN=1 to create it.");
        var expected = Normalise(File.ReadAllText(golden));
        if (expected != actual)
        {
            var e = expected.Split('\n');
            var a = actual.Split('\n');
            var line = Enumerable.Range(0, Math.Min(e.Length, a.Length)).FirstOrDefault(i => e[i] != a[i], Math.Min(e.Length, a.Length));
            Assert.Fail($"{name} differs from its golden file at line {line + 1}:\nexpected: {(line < e.Length ? e[line] : "<end>")}\nactual:   {(line < a.Length ? a[line] : "<end>")}");
        }
    }

    [Fact]
    public void The_manifest_shows_the_time_of_the_injected_clock()
    {
        var md = bundle.Read("report.md");
        Assert.Contains("| Run at | 2026-01-15 09:30:00 UTC |", md, StringComparison.Ordinal);
        Assert.Contains("| Run time | 0.00 s |", md, StringComparison.Ordinal);
    }

    /// <summary>
    /// Line endings, and what the golden file must not pin (#10.6): the input hash (it changes with any seed or network
    /// edit, which the figures themselves show), the solver's and OR-Tools' versions and the model's size (they change
    /// with an upgrade or a reformulation that leaves every answer the same). Every solve, the analyses' too, times
    /// itself with the bundle's fixed clock, so times need no normalising.
    /// </summary>
    internal static string Normalise(string text)
    {
        text = text.Replace("\r\n", "\n", StringComparison.Ordinal);
        text = Regex.Replace(text, @"(Input hash \(SHA-256\) \| )[0-9a-f]{64}", "$1<hash>");
        text = Regex.Replace(text, @"OR-Tools \d+(\.\d+)+", "OR-Tools <version>");
        text = Regex.Replace(text, @"(SCIP|CBC|HiGHS|Glop|GLOP|CP-SAT)[^|\n]*?\d+\.\d+[^|\n]*?(?= \||,)", "<backend version>");
        return Regex.Replace(text, @"(\| <backend version> \| )\d+ \| \d+ \|", "$1<variables> | <constraints> |");
    }
}
