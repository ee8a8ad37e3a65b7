using Logistics.Benchmarks.Decomposition;
using Logistics.Benchmarks.StandardSets;

namespace Logistics.Benchmarks.Tests;

/// <summary>
/// The Benders decomposition the benchmark program measures against the monolithic MIP (docs/model.md, "Decomposition
/// (Benders): measured, not used"): its cuts must be valid, or its bound would prove a wrong optimum.
/// </summary>
public sealed class BendersTests
{
    [Fact]
    public void Every_cut_lies_below_the_subproblem_value_at_every_other_point()
    {
        // A small design instance whose options pay (k, x), at random fractional and integer build vectors: the value
        // function is convex, so a valid subgradient cut at one point never exceeds the value at another.
        var network = SyntheticNetworks.Generate(InstanceSize.Parse("synthetic-n60-l240-c10-o40-s3-k0.03-x0.03"));
        using var sub = new BendersSubproblem(network);
        var random = new Random(7);
        var points = Enumerable.Range(0, 8).Select(p => Enumerable.Range(0, sub.FreeOptions.Length)
            .Select(_ => p % 2 == 0 ? random.NextDouble() : random.Next(2)).ToArray()).ToList();
        var cuts = points.Select(y => sub.Evaluate(y, TimeSpan.FromMinutes(1)) ?? throw new InvalidOperationException("The LP did not solve.")).ToList();

        Assert.NotEmpty(sub.FreeOptions);
        foreach (var cut in cuts)
        {
            foreach (var other in cuts)
                Assert.True(cut.ValueAt(other.At) <= other.Value + (1e-6 * Math.Max(1, Math.Abs(other.Value))), $"cut at one point gives {cut.ValueAt(other.At)} above the value {other.Value} at another");
        }
    }

    [Fact]
    public void On_c33_the_decomposition_reaches_the_strong_LP_bound_then_proves_the_literature_optimum()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();

        Assert.Equal(0, StandardCommand.Benders(["mcnd", "c33"], null, 120, mip: false, trace: false, output, error));

        var columns = output.ToString().Split('\n').Single(l => l.StartsWith("| c33 |", StringComparison.Ordinal)).Split('|').Select(c => c.Trim()).ToArray();
        Assert.Equal("422,853", columns[3]); // the strong relaxation's bound (docs/benchmarks.md, root bounds)
        Assert.Equal("423,848", columns[6]); // the bound
        Assert.Equal("423,848", columns[7]); // the plan: the literature optimum
        Assert.Equal("0.00%", columns[11].Replace(" ", "", StringComparison.Ordinal));
    }
}
