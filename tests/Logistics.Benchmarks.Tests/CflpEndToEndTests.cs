using Logistics.Benchmarks.EndToEnd;

namespace Logistics.Benchmarks.Tests;

/// <summary>The side-by-side verb's own logic: reading each pipeline's answer, refusing bad names and missing programs clearly.</summary>
public sealed class CflpEndToEndTests
{
    private static readonly ProcessRun Finished = new(0, "", "", TimeSpan.FromSeconds(1));

    [Fact]
    public void A_CBC_solution_file_gives_its_status_and_objective()
    {
        var file = Path.GetTempFileName();
        try
        {
            File.WriteAllText(file, "Optimal - objective value 1040444.37500000\n      0 yw001  1  16000\n");
            var outcome = OutcomeParsers.FromCbcSolution(Finished, file);
            Assert.True(outcome.Optimal);
            Assert.Equal(1_040_444.375, outcome.Objective);

            File.WriteAllText(file, "Stopped on time - objective value 1100000.00000000\n");
            Assert.False(OutcomeParsers.FromCbcSolution(Finished, file).Optimal);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void The_peer_scripts_last_line_gives_its_status_and_objective()
    {
        var run = Finished with { Output = "some solver chatter\n{\"instance\": \"cap41\", \"status\": \"Optimal\", \"objective\": 1040444.3734164492}\n" };
        var outcome = OutcomeParsers.FromPeerLine(run);
        Assert.True(outcome.Optimal);
        Assert.Equal(1_040_444.3734164492, outcome.Objective);
        Assert.False(OutcomeParsers.FromPeerLine(Finished with { ExitCode = 4, Error = "error: PuLP is not installed" }).Optimal);
    }

    [Fact]
    public void A_row_agrees_only_when_all_three_pipelines_prove_the_published_optimum()
    {
        var optimal = new PipelineOutcome(TimeSpan.FromSeconds(1), true, 1_040_444.375);
        Assert.True(new EndToEndRow("cap41", 817, 1_040_444.375, optimal, optimal, optimal with { Objective = 1_040_444.3734 }).Agrees);
        Assert.False(new EndToEndRow("cap41", 817, 1_040_444.375, optimal, optimal with { Objective = 1_040_500 }, optimal).Agrees);
        Assert.False(new EndToEndRow("cap41", 817, 1_040_444.375, optimal with { Optimal = false }, optimal, optimal).Agrees);
    }

    [Fact]
    public void An_instance_without_a_published_optimum_is_refused_with_the_names_to_use()
    {
        var (output, error) = (new StringWriter(), new StringWriter());
        Assert.Equal(1, BenchmarkCommandLine.Run(["cflp-e2e", "--instances", "cap41,capx"], output, error));
        Assert.Contains("'capx'", error.ToString(), StringComparison.Ordinal);
        Assert.Contains("cap134", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_program_stops_the_run_before_anything_is_timed_and_says_how_to_install_it()
    {
        var (output, error) = (new StringWriter(), new StringWriter());
        // An existing file stands in for the CLI; no such Python exists, so either cbc or PuLP is reported missing.
        var code = BenchmarkCommandLine.Run(["cflp-e2e", "--instances", "cap41", "--cli", typeof(CflpEndToEndTests).Assembly.Location, "--python", "no-such-python-3"], output, error);
        Assert.Equal(CflpEndToEnd.MissingTool, code);
        Assert.Contains("apt-get install -y", error.ToString(), StringComparison.Ordinal);
        Assert.Equal("", output.ToString());
    }

    [Fact]
    public void The_default_set_is_the_37_instances_with_published_optima_in_OR_Library_order()
    {
        Assert.Equal(37, CflpEndToEnd.AllInstances.Count);
        Assert.Equal("cap41", CflpEndToEnd.AllInstances[0]);
        Assert.Equal("cap134", CflpEndToEnd.AllInstances[^1]);
    }
}
