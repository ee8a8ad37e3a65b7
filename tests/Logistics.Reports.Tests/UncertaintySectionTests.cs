using System.Text.Json;

using Microsoft.Extensions.Time.Testing;

namespace Logistics.Reports.Tests;

/// <summary>
/// A bundle of the time-line network with the uncertainty study: the section with service years, its charts, the draws
/// CSV, and the study's settings in the manifest and the request; and the same study twice gives the same files.
/// </summary>
public sealed class UncertaintySectionTests
{
    private static readonly string Timeline = Path.Combine(TestPaths.RepositoryRoot, "networks", "chagai-timeline.network.json");

    [Fact]
    public void A_report_with_uncertainty_draws_holds_the_section_its_charts_the_draws_and_the_settings_in_the_manifest()
    {
        var folder = TestPaths.NewTempFolder();
        var first = Build(folder);

        Assert.Equal(ReportStatus.Complete, first.Status);
        Assert.Contains("uncertainty-draws.csv", first.Files);
        Assert.Contains("charts/uncertainty-cost.svg", first.Files);
        Assert.Contains("charts/uncertainty-options.svg", first.Files);
        Assert.Contains("charts/uncertainty-tornado.svg", first.Files);

        var markdown = File.ReadAllText(Path.Combine(folder, "report.md"));
        var section = markdown[markdown.IndexOf("## How sure is the answer?", StringComparison.Ordinal)..markdown.IndexOf("## Run manifest", StringComparison.Ordinal)];
        Assert.Contains("present value", section, StringComparison.Ordinal);
        Assert.Contains("enters service", section, StringComparison.Ordinal);
        Assert.Contains("Candidate schedules held fixed", section, StringComparison.Ordinal);
        Assert.Contains("seed 5", section, StringComparison.Ordinal);

        var draws = File.ReadAllLines(Path.Combine(folder, "uncertainty-draws.csv"));
        Assert.Equal(1 + 12, draws.Length);
        Assert.Matches("@20[0-9]{2}", draws[1]);

        using var result = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "result.json")));
        var manifest = result.RootElement.GetProperty("manifest").GetProperty("uncertainty");
        Assert.Equal(12, manifest.GetProperty("draws").GetInt32());
        Assert.Equal(5, manifest.GetProperty("seed").GetInt32());
        Assert.True(result.RootElement.GetProperty("analyses").GetProperty("uncertainty").GetProperty("overTime").GetBoolean());
        using var request = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "request.json")));
        Assert.Equal(5, request.RootElement.GetProperty("uncertainty").GetProperty("seed").GetInt32());

        var again = TestPaths.NewTempFolder();
        Build(again);
        Assert.Equal(File.ReadAllText(Path.Combine(folder, "uncertainty-draws.csv")), File.ReadAllText(Path.Combine(again, "uncertainty-draws.csv")));
        Assert.Equal(markdown, File.ReadAllText(Path.Combine(again, "report.md")));
    }

    [Fact]
    public async Task The_uncertainty_section_of_a_report_of_a_scenario_draws_around_that_scenario_not_the_file_s_base()
    {
        // It once ran on the file's base whatever --scenario said, so the section contradicted the plan above it.
        var builder = new ReportBundleBuilder(new FakeTimeProvider(DefaultBundle.RunAt)) { Parallelism = 2, IncludeTimings = false };
        var request = new ReportRequest(Path.Combine(TestPaths.RepositoryRoot, "networks", "chagai.network.json"), [], ["solve"])
        {
            Scenario = "phase2",
            Uncertainty = new ReportUncertainty(2, 3) { MaxCandidatePlans = 1 },
        };

        var run = await builder.RunAsync(request, TestPaths.NewTempFolder(), CancellationToken.None);

        Assert.Equal("phase2", run.Model!.Uncertainty!.Scenario);
    }

    private static ReportOutcome Build(string folder)
    {
        var builder = new ReportBundleBuilder(new FakeTimeProvider(DefaultBundle.RunAt)) { Parallelism = 2, IncludeTimings = false };
        var request = new ReportRequest(Timeline, [], ["solve"]) { Uncertainty = new ReportUncertainty(12, 5) { MaxCandidatePlans = 3 } };
        return builder.BuildAsync(request, folder, CancellationToken.None).GetAwaiter().GetResult();
    }
}
