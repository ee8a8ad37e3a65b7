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
}
