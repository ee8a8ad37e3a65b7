using System.CommandLine;

namespace Logistics.Benchmarks.Tests;

/// <summary>The benchmark program's verbs and options, parsed as System.CommandLine parses them (nothing is run).</summary>
public class CommandLineTests
{
    public static TheoryData<string> DocumentedCommands() =>
    [
        "sizes",
        "sizes --gates --split-classes --no-start --backend cbc --time-limit 30 --gap 0.001 synthetic-n250-l1000-c30-o175-s42",
        "periods --time-limit 60 synthetic-n250-l1000-c30-o175-s42-p3",
        "instance synthetic-n1000-l4000-c30-o700-s42 --no-gate --split-classes --hint none --no-start --no-heuristics --backend highs --time-limit 3 --gap 0.01",
        "build synthetic-n1000-l4000-c30-o700-s42",
        "backends networks/chagai.network.json",
        "network networks/chagai-timeline.network.json --runs 5 --scenario phase2",
        "inputs networks/chagai.network.json --parts lines,scenarios,breakdown --line-sizes 200000,400000",
        "mcnd c33 c35 --data shared --time-limit 90 --gap 1e-6 --backend scip --backend-params x --gates tight --no-start --no-heuristics --no-cuts",
        "cflp cap41 cap131",
        "dimacs netgen/netgen_8_08a transport/transport_40x30",
        "heuristics mcnd c37 --time-limit 60",
        "heuristics mcnd c33 --no-rounding --no-slope-scaling",
        "root mcnd c33 --quick",
        "resolve mcnd c39",
        "benders mcnd c33 c41 --time-limit 30 --trace --no-mip",
    ];

    [Theory]
    [MemberData(nameof(DocumentedCommands))]
    public void Every_documented_command_line_parses_without_errors(string line)
    {
        var parse = BenchmarkCommandLine.Create(TextWriter.Null, TextWriter.Null).Parse(line.Split(' '));
        Assert.Empty(parse.Errors.Select(e => e.Message));
    }

    [Theory]
    [InlineData("mcnd --gates sometimes c33", "sometimes")]
    [InlineData("instance synthetic-n60-l240-c10-o40-s3 --hint most", "most")]
    [InlineData("sizes --backend gurobi", "gurobi")]
    [InlineData("solve networks/chagai.network.json", "solve")]
    public void A_bad_verb_or_choice_is_a_usage_error_with_exit_2_naming_it(string line, string named)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = BenchmarkCommandLine.Run(line.Split(' '), output, error);
        Assert.Equal(BenchmarkCommandLine.Usage, code);
        Assert.Contains(named, error.ToString(), StringComparison.Ordinal);
        Assert.Empty(output.ToString());
    }

    [Fact]
    public void A_malformed_instance_name_is_a_usage_error_that_shows_the_expected_form()
    {
        using var error = new StringWriter();
        var code = BenchmarkCommandLine.Run(["instance", "synthetic-n60-l240-c10-o40-s3-p0"], TextWriter.Null, error);
        Assert.Equal(BenchmarkCommandLine.Usage, code);
        Assert.Contains("p0", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void The_default_periods_are_three_and_five_at_each_default_size()
    {
        Assert.Equal(
            [
                "synthetic-n250-l1000-c30-o175-s42-p3", "synthetic-n500-l2000-c30-o350-s42-p3", "synthetic-n1000-l4000-c30-o700-s42-p3",
                "synthetic-n250-l1000-c30-o175-s42-p5", "synthetic-n500-l2000-c30-o350-s42-p5", "synthetic-n1000-l4000-c30-o700-s42-p5",
            ],
            BenchmarkCommandLine.DefaultPeriodised);
    }
}
