extern alias solveonly;

using System.Text.RegularExpressions;

using SolveOnlyHost = solveonly::Logistics.Cli.Aot.SolveOnlyHost;

namespace Logistics.Cli.Tests;

/// <summary>
/// <c>logistics-solve</c> (src/Logistics.Cli.Aot) is a drop-in for <c>logistics solve</c>: the same command line gives
/// the same bytes on standard output and error, the same files and the same exit code; other verbs are not there.
/// </summary>
public sealed class SolveOnlyCliTests : IDisposable
{
    private static readonly string Root = RepositoryPaths.Root;
    private static readonly string DefaultNetwork = Path.Combine(Root, "networks", "chagai.network.json");
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "logistics-solve-only-" + Guid.NewGuid().ToString("N"));

    public SolveOnlyCliTests() => Directory.CreateDirectory(_folder);

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static CliRunner.CliOutput RunSolveOnly(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = SolveOnlyHost.Run(args, stdout, stderr);
        return new CliRunner.CliOutput(code, stdout.ToString(), stderr.ToString());
    }

    private static string WithoutTimes(string text) => Regex.Replace(text, @"\b\d+ ms\b", "N ms");

    [Fact]
    public void The_default_network_solves_to_the_same_bytes_json_and_model_file_as_the_full_cli()
    {
        string[] Args(string tag) =>
            ["solve", DefaultNetwork, "--json", Path.Combine(_folder, tag + ".json"), "--export-model", Path.Combine(_folder, tag + ".lp")];

        var full = CliRunner.Run(Args("full"));
        var solveOnly = RunSolveOnly(Args("only"));

        Assert.Equal(ExitCodes.Success, full.ExitCode);
        Assert.Contains("Status: Optimal.", full.Out, StringComparison.Ordinal);
        Assert.Equal(full.ExitCode, solveOnly.ExitCode);
        // The file names differ in the "written to" lines only by the tag; the solver line's times are the run's own.
        Assert.Equal(WithoutTimes(full.Out).Replace("full.", "only.", StringComparison.Ordinal), WithoutTimes(solveOnly.Out));
        Assert.Equal(full.Error, solveOnly.Error);
        Assert.Equal(File.ReadAllBytes(Path.Combine(_folder, "full.json")), File.ReadAllBytes(Path.Combine(_folder, "only.json")));
        Assert.Equal(File.ReadAllBytes(Path.Combine(_folder, "full.lp")), File.ReadAllBytes(Path.Combine(_folder, "only.lp")));
    }

    [Fact]
    public void An_invalid_network_gives_the_same_diagnostics_and_exit_code_1()
    {
        var broken = Path.Combine(Root, "tests", "Logistics.Network.Tests", "Corpus", "broken", "LG0302-link-to-missing-node.network.json");

        var full = CliRunner.Run("solve", broken);
        var solveOnly = RunSolveOnly("solve", broken);

        Assert.Equal(ExitCodes.InvalidInput, full.ExitCode);
        Assert.Contains("LG0302", full.Error, StringComparison.Ordinal);
        Assert.Equal(full.ExitCode, solveOnly.ExitCode);
        Assert.Equal(full.Out, solveOnly.Out);
        Assert.Equal(full.Error, solveOnly.Error);
    }

    [Theory]
    [InlineData("solve", "--gap", "-1")]
    [InlineData("solve", "--solver", "gurobi")]
    [InlineData("solve", "--no-such-option", "1")]
    public void A_usage_error_exits_2_with_the_same_message_naming_its_own_program(string verb, string option, string value)
    {
        var full = CliRunner.Run(verb, DefaultNetwork, option, value);
        var solveOnly = RunSolveOnly(verb, DefaultNetwork, option, value);

        Assert.Equal(ExitCodes.Usage, full.ExitCode);
        Assert.Equal(full.ExitCode, solveOnly.ExitCode);
        Assert.Equal(full.Error.Replace("'logistics ", "'logistics-solve ", StringComparison.Ordinal), solveOnly.Error);
    }

    [Theory]
    [InlineData("validate")]
    [InlineData("report")]
    [InlineData("compare")]
    public void Verbs_other_than_solve_are_usage_errors(string verb)
    {
        var result = RunSolveOnly(verb, DefaultNetwork);

        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.Contains("Run 'logistics-solve --help'", result.Error, StringComparison.Ordinal);
        Assert.Equal("", result.Out);
    }
}
