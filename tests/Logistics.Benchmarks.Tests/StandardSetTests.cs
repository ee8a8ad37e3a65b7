using Logistics.Benchmarks.StandardSets;
using Logistics.Optimisation;

namespace Logistics.Benchmarks.Tests;

/// <summary>
/// One small instance of each standard set, solved and checked against its published optimum. The files live in
/// shared/benchmarks beside the repository (CI puts them there); when they are missing these tests fail with the
/// message saying where they were looked for, rather than passing without having run.
/// </summary>
public sealed class StandardSetTests
{
    private static readonly SolverSettings Exact = new(SolverBackend.Scip, TimeSpan.FromMinutes(5), 1e-7);

    private static StandardResult Solve(string set, string name) =>
        StandardRunner.Run(StandardSetCatalogue.Load(set, name, BenchmarkFolder.Locate()), Exact);

    private static void AssertMatchesPublishedOptimum(StandardResult result)
    {
        Assert.Equal("Optimal", result.Status);
        Assert.NotNull(result.Known);
        Assert.Equal(result.Known.Value, result.Objective!.Value, result.Known.Value * 1e-6);
        // The plan's cost recomputed in the benchmark's own terms (fixed costs + unit costs × flows, with capacities checked).
        Assert.Equal(result.Objective.Value, result.PlanCost!.Value, Math.Abs(result.Objective.Value) * 1e-6);
    }

    [Fact]
    public void The_smallest_MCND_C_instance_c33_is_solved_to_the_literature_optimum() => AssertMatchesPublishedOptimum(Solve("mcnd", "c33"));

    [Fact]
    public void On_c33_the_MIP_neighbourhoods_around_slope_scaling_s_local_optimum_reach_the_literature_optimum()
    {
        // RestrictedMip (docs/model.md, "MIP neighbourhoods"): the local search from LP rounding's plan ends at 424,949
        // and the neighbourhoods around it at 424,385; slope scaling's plan (427,984) polished to 426,721, and the
        // neighbourhoods around that reach 423,848.
        using var output = new StringWriter();
        using var error = new StringWriter();

        Assert.Equal(0, StandardCommand.Heuristics(["mcnd", "c33"], null, 120, output, error));

        var row = output.ToString().Split('\n').Single(l => l.StartsWith("| c33 | MIP neighbourhood from another local optimum |", StringComparison.Ordinal));
        Assert.StartsWith("| c33 | MIP neighbourhood from another local optimum | 423,848 |", row, StringComparison.Ordinal);
    }

    [Fact]
    public void OR_Library_cap41_is_solved_to_its_published_optimum() => AssertMatchesPublishedOptimum(Solve("cflp", "cap41"));

    [Fact]
    public void DIMACS_netgen_8_08a_is_solved_to_the_optimum_of_its_solution_file() => AssertMatchesPublishedOptimum(Solve("dimacs", "netgen/netgen_8_08a"));

    [Fact]
    public void A_DIMACS_transportation_problem_is_solved_to_the_optimum_of_its_solution_file() => AssertMatchesPublishedOptimum(Solve("dimacs", "transport/transport_40x30"));

    [Fact]
    public void A_missing_benchmark_folder_is_an_error_that_says_how_to_name_one()
    {
        var missing = Path.Combine(Path.GetTempPath(), "logistics-no-such-benchmarks-" + Guid.NewGuid().ToString("N"));
        var error = Assert.Throws<DirectoryNotFoundException>(() => BenchmarkFolder.Locate(missing));
        Assert.Contains(missing, error.Message, StringComparison.Ordinal);
        Assert.Contains("--data", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_synthetic_instance_is_read_by_name_as_the_generator_builds_it_with_no_known_value()
    {
        const string Name = "synthetic-n30-l60-c2-o6-s5-k0.5";

        var instance = StandardSetCatalogue.Load("synthetic", Name, BenchmarkFolder.Locate());

        var generated = TestKit.SyntheticNetworks.Generate(TestKit.InstanceSize.Parse(Name));
        Assert.Equal(generated.Links.Select(l => l.Id), instance.Network.Links.Select(l => l.Id));
        Assert.Equal(generated.Options.Select(o => o.Id), instance.Network.Options.Select(o => o.Id));
        Assert.Null(instance.Known);
    }

    [Fact]
    public void A_per_step_verb_given_a_malformed_synthetic_name_says_what_a_name_looks_like_and_exits_1()
    {
        using var error = new StringWriter();

        var code = StandardCommand.Each(["synthetic", "synthetic-n30"], null, "resolve", error, _ => Assert.Fail("nothing should be measured"));

        Assert.Equal(1, code);
        Assert.Contains("is not an instance name like synthetic-n1000-l4000-c30-o700-s42", error.ToString(), StringComparison.Ordinal);
    }
}
