using System.Text.Json;

namespace Logistics.Cli.Tests;

/// <summary><c>logistics uncertainty</c> on the default network: what a planner sees, and usage errors.</summary>
public sealed class UncertaintyCommandTests : IDisposable
{
    private static readonly string Default = Path.Combine(RepositoryPaths.Root, "networks", "chagai.network.json");
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "logistics-cli-uncertainty-" + Guid.NewGuid().ToString("N"));

    public UncertaintyCommandTests() => Directory.CreateDirectory(_folder);

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void Uncertainty_prints_the_cost_distribution_build_probabilities_and_correlation_checks_and_writes_json_and_csv()
    {
        var json = Path.Combine(_folder, "u.json");
        var csv = Path.Combine(_folder, "draws.csv");

        var result = CliRunner.Run("uncertainty", Default, "--draws", "12", "--seed", "3", "--no-tornado", "--no-regret", "--parallel", "2", "--json", json, "--draws-csv", csv);

        Assert.Equal(ExitCodes.Success, result.ExitCode);
        Assert.Contains("Uncertainty of the base network: 12 draws, seed 3", result.Out, StringComparison.Ordinal);
        Assert.Contains("How often each option is built (95% Wilson interval)", result.Out, StringComparison.Ordinal);
        Assert.Contains("Correlation group sea-freight: target rank correlation 0.90", result.Out, StringComparison.Ordinal);
        Assert.Contains("uncertainty: 12/12 draws solved", result.Error, StringComparison.Ordinal);
        using var document = JsonDocument.Parse(File.ReadAllText(json));
        Assert.Equal(12, document.RootElement.GetProperty("draws").GetInt32());
        var lines = File.ReadAllLines(csv);
        Assert.Equal(13, lines.Length);
        Assert.StartsWith("draw,status,total_cost_usd,built,", lines[0], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--draws", "1", "--draws must be at least 2.")]
    [InlineData("--cvar-alpha", "1.5", "--cvar-alpha must lie strictly between 0 and 1")]
    [InlineData("--out-of-sample", "10", "give --two-stage N too")]
    public void Uncertainty_rejects_bad_options_with_exit_code_2_and_says_why(string option, string value, string message)
    {
        var result = CliRunner.Run("uncertainty", Default, option, value);

        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.Contains(message, result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Uncertainty_on_a_time_line_reports_present_values_and_service_years()
    {
        var result = CliRunner.Run("uncertainty", Timeline, "--draws", "6", "--seed", "2", "--no-tornado", "--plans", "2", "--parallel", "2");

        Assert.Equal(ExitCodes.Success, result.ExitCode);
        Assert.Contains("Total cost, M USD PV (6 of 6 draws solved)", result.Out, StringComparison.Ordinal);
        Assert.Contains("enters service (share of draws)", result.Out, StringComparison.Ordinal);
        Assert.Contains("Candidate schedules, each held fixed (builds and years)", result.Out, StringComparison.Ordinal);
        Assert.Matches(@"rohri-nokkundi-upgrade \(20[0-9]{2}\)", result.Out);
    }

    [Fact]
    public void The_two_stage_plan_on_a_time_line_is_an_input_error_that_says_why()
    {
        var result = CliRunner.Run("uncertainty", Timeline, "--draws", "2", "--two-stage", "10", "--no-tornado", "--no-regret");

        Assert.Equal(ExitCodes.InvalidInput, result.ExitCode);
        Assert.Contains("not available for a file with periods", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void The_two_stage_method_option_solves_by_the_l_shaped_method_and_says_so()
    {
        var json = Path.Combine(_folder, "two.json");

        var result = CliRunner.Run("uncertainty", Default, "--draws", "2", "--seed", "4", "--no-tornado", "--no-regret", "--two-stage", "4", "--two-stage-method", "l-shaped", "--json", json);

        Assert.Equal(ExitCodes.Success, result.ExitCode);
        Assert.Matches(@"Solved by the L-shaped method: [1-9][0-9]* iterations, [1-9][0-9]* optimality and [0-9]+ feasibility cuts", result.Out);
        using var document = JsonDocument.Parse(File.ReadAllText(json));
        var two = document.RootElement.GetProperty("twoStage");
        Assert.True(two.GetProperty("iterations").GetInt32() > 0);
    }

    [Fact]
    public void An_unknown_two_stage_method_is_a_usage_error()
    {
        var result = CliRunner.Run("uncertainty", Default, "--two-stage", "4", "--two-stage-method", "benders");

        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.Contains("'benders' not recognized", result.Error, StringComparison.Ordinal);
        Assert.Contains("'l-shaped'", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Report_refuses_a_single_uncertainty_draw_with_exit_code_2()
    {
        var result = CliRunner.Run("report", Default, "--out", Path.Combine(_folder, "bundle"), "--uncertainty-draws", "1");

        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.Contains("--uncertainty-draws must be 0", result.Error, StringComparison.Ordinal);
    }

    private static readonly string Timeline = Path.Combine(RepositoryPaths.Root, "networks", "chagai-timeline.network.json");
}
