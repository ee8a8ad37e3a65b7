using System.Text.Json;

using Microsoft.Extensions.Time.Testing;

namespace Logistics.Reports.Tests;

/// <summary>An invalid network still gets a bundle: the report says the file is invalid and lists every diagnostic.</summary>
public sealed class InvalidInputTests : IDisposable
{
    private readonly string _root = TestPaths.NewTempFolder();

    [Fact]
    public async Task An_invalid_network_gets_a_bundle_listing_every_diagnostic_with_line_and_column()
    {
        var network = CopyDefaultNetwork(text => text
            .Replace("\"from\": \"jacobabad\",\n      \"to\": \"sibi\"", "\"from\": \"jacobabad\",\n      \"to\": \"sibbi\"", StringComparison.Ordinal)
            .Replace("\"discountRate\": {\"value\": 0.08", "\"discountRate\": {\"value\": -0.5", StringComparison.Ordinal));
        var output = Path.Combine(_root, "bundle");
        var builder = new ReportBundleBuilder(new FakeTimeProvider(DefaultBundle.RunAt));

        var outcome = await builder.BuildAsync(new ReportRequest(network, [], []), output, CancellationToken.None);

        Assert.Equal(ReportStatus.InvalidInput, outcome.Status);
        Assert.Contains("report.html", outcome.Files);
        Assert.Contains("report.md", outcome.Files);
        Assert.Contains("diagnostics.json", outcome.Files);
        Assert.Contains("diagnostics.csv", outcome.Files);
        var md = File.ReadAllText(Path.Combine(output, "report.md"));
        Assert.Contains("is invalid", md, StringComparison.Ordinal);
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(output, "result.json")));
        Assert.Equal("invalidInput", json.RootElement.GetProperty("status").GetString());
        var diagnostics = json.RootElement.GetProperty("diagnostics").EnumerateArray().ToList();
        var errors = diagnostics.Where(d => d.GetProperty("severity").GetString() == "error").ToList();
        Assert.True(errors.Count >= 2, $"Expected both planted errors, got {errors.Count}.");
        Assert.Contains(errors, e => e.GetProperty("message").GetString()!.Contains("sibbi", StringComparison.Ordinal));
        // Every diagnostic with a position appears in the report as a row with its line and column.
        foreach (var d in diagnostics.Where(d => d.GetProperty("line").ValueKind == JsonValueKind.Number))
        {
            var cells = $"| {d.GetProperty("line").GetInt32()} | {d.GetProperty("column").GetInt32()} |";
            Assert.Contains(cells, md, StringComparison.Ordinal);
        }

        var html = File.ReadAllText(Path.Combine(output, "report.html"));
        Assert.Contains("is invalid", html, StringComparison.Ordinal);
        Assert.Contains("sibbi", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_file_that_is_not_json_is_reported_with_its_position()
    {
        var network = Path.Combine(_root, "broken.network.json");
        File.WriteAllText(network, "{ \"formatVersion\": 1,\n  \"metadata\": { \"name\": \"x\" \n}");
        var outcome = await new ReportBundleBuilder(TimeProvider.System).BuildAsync(new ReportRequest(network, [], []), Path.Combine(_root, "out"), CancellationToken.None);
        Assert.Equal(ReportStatus.InvalidInput, outcome.Status);
        var md = File.ReadAllText(Path.Combine(_root, "out", "report.md"));
        Assert.Contains("LG0010", md, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_scenario_is_invalid_input_naming_the_known_ones()
    {
        var outcome = await new ReportBundleBuilder(TimeProvider.System)
            .BuildAsync(new ReportRequest(TestPaths.DefaultNetwork, ["no-such-scenario"], ["solve"]), Path.Combine(_root, "out"), CancellationToken.None);
        Assert.Equal(ReportStatus.InvalidInput, outcome.Status);
        var md = File.ReadAllText(Path.Combine(_root, "out", "report.md"));
        Assert.Contains("no-such-scenario", md, StringComparison.Ordinal);
        Assert.Contains("phase2", md, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_cancelled_build_stops_with_cancellation()
    {
        using var cancel = new CancellationTokenSource();
        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            new ReportBundleBuilder(TimeProvider.System).BuildAsync(new ReportRequest(TestPaths.DefaultNetwork, [], []), Path.Combine(_root, "out"), cancel.Token));
    }

    public void Dispose()
    {
        try { Directory.Delete(_root, recursive: true); } catch (IOException) { }
    }

    /// <summary>Copies the default network, its overlay and its seeds into the temp folder, changing the network's text.</summary>
    private string CopyDefaultNetwork(Func<string, string> change)
    {
        var networks = Path.Combine(_root, "networks");
        var seeds = Path.Combine(_root, "seeds");
        Directory.CreateDirectory(networks);
        Directory.CreateDirectory(seeds);
        foreach (var file in Directory.GetFiles(Path.Combine(TestPaths.RepositoryRoot, "seeds"), "*.json"))
            File.Copy(file, Path.Combine(seeds, Path.GetFileName(file)));
        foreach (var file in Directory.GetFiles(Path.Combine(TestPaths.RepositoryRoot, "networks"), "*.json"))
            File.Copy(file, Path.Combine(networks, Path.GetFileName(file)));
        var path = Path.Combine(networks, "chagai.network.json");
        var original = File.ReadAllText(path).Replace("\r\n", "\n", StringComparison.Ordinal);
        var changed = change(original);
        Assert.NotEqual(original, changed);
        File.WriteAllText(path, changed);
        return path;
    }
}
