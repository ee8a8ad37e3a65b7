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
    public void The_default_network_bundle_matches_its_golden_file(string name)
    {
        var actual = Normalise(bundle.Read(name));
        var golden = TestPaths.Golden(name);
        if (Environment.GetEnvironmentVariable("LOGISTICS_UPDATE_GOLDEN") == "1")
            File.WriteAllText(golden, actual);
        Assert.True(File.Exists(golden), $"No golden file {golden}; run with LOGISTICS_UPDATE_GOLDEN=1 to create it.");
        var expected = File.ReadAllText(golden);
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

    /// <summary>Every solve, the analyses' too, times itself with the bundle's fixed clock, so only line endings need normalising.</summary>
    private static string Normalise(string text) => text.Replace("\r\n", "\n", StringComparison.Ordinal);
}
