namespace Logistics.Cli.Tests;

/// <summary>The analysis verbs on the shipped plan over time (networks/chagai-timeline.network.json): years and present values, never USD/yr.</summary>
public sealed class TimedAnalysisCommandTests
{
    private static readonly string Timeline = Path.Combine(FindRoot(), "networks", "chagai-timeline.network.json");
    private static readonly string Default = Path.Combine(FindRoot(), "networks", "chagai.network.json");

    [Fact]
    public void Compare_on_a_plan_over_time_labels_its_totals_as_present_values_and_shows_each_schedule()
    {
        var result = CliRunner.Run("compare", Timeline, "--scenarios", "phase2-pibt");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("present value in 2025 real USD", result.Out, StringComparison.Ordinal);
        Assert.Contains("PV M USD", result.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("USD/yr", result.Out, StringComparison.Ordinal);
        Assert.Contains("Schedule (year in service", result.Out, StringComparison.Ordinal);
        Assert.Contains("  base: 2028: rohri-nokkundi-upgrade. 2034: rd-spur.", result.Out, StringComparison.Ordinal);
        Assert.Contains("  phase2-pibt: 2028: rohri-nokkundi-upgrade. 2034: karachi-rohri-upgrade, rd-spur.", result.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("AnnualisedCapex", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Value_on_a_plan_over_time_names_the_best_and_first_years_and_the_value_of_waiting()
    {
        var json = Path.Combine(Path.GetTempPath(), $"logistics-timed-value-{Guid.NewGuid():N}.json");
        try
        {
            var result = CliRunner.Run("value", Timeline, "--option", "karachi-rohri-upgrade", "--json", json);

            Assert.Equal(0, result.ExitCode);
            Assert.Contains("present values in 2025 USD", result.Out, StringComparison.Ordinal);
            Assert.Contains("value of waiting", result.Out, StringComparison.Ordinal);
            Assert.Contains("waiting until 2034 rather than building for 2028", result.Out, StringComparison.Ordinal);
            Assert.DoesNotContain("USD/yr", result.Out, StringComparison.Ordinal);
            var text = File.ReadAllText(json);
            Assert.Contains("\"valueOfWaitingUsd\"", text, StringComparison.Ordinal);
            Assert.Contains("\"cashFlows\"", text, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(json);
        }
    }

    [Fact]
    public void Resilience_refuses_a_period_the_plan_does_not_have_as_a_usage_error()
    {
        var result = CliRunner.Run("resilience", Timeline, "--period", "phase9");
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("no period 'phase9'. Periods: ramp-up, phase1, phase2", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Resilience_refuses_an_outage_that_runs_past_the_horizon()
    {
        var result = CliRunner.Run("resilience", Timeline, "--period", "phase2", "--years", "20");
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("1 to 19 years", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Resilience_on_a_one_period_file_refuses_period_and_years()
    {
        var result = CliRunner.Run("resilience", Default, "--years", "2");
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("has no periods, so --period and --years do not apply", result.Error, StringComparison.Ordinal);
    }

    private static string FindRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Logistics.sln")))
            directory = directory.Parent;
        return directory?.FullName ?? throw new InvalidOperationException("Logistics.sln not found.");
    }
}
