namespace Logistics.Optimisation.Tests;

/// <summary>Time limits and cancellation give an honest status: a solution with its proven gap, or none.</summary>
public sealed class LimitTests
{
    private static readonly Network.Model.Network Large = RandomNetworks.Large(1, 120, 400, 30);

    private static void AssertHonest(OptimisationResult result, string why)
    {
        switch (result.Status)
        {
            case SolveStatus.Optimal:
                break; // A fast machine may finish first; the invariants below still hold.
            case SolveStatus.Feasible:
                Assert.Contains(why, result.StatusMessage, StringComparison.Ordinal);
                Assert.True(result.BestBound <= result.Objective + 1e-6, "the bound of a minimisation is below the incumbent");
                Assert.True(result.RelativeGap >= 0);
                Assert.Equal(result.Objective!.Value, result.Costs.Total, 1e-6 * Math.Abs(result.Objective.Value));
                break;
            case SolveStatus.NoSolution:
                Assert.Contains(why, result.StatusMessage, StringComparison.Ordinal);
                Assert.Null(result.Objective);
                break;
            default:
                Assert.Fail($"{result.Status}: {result.StatusMessage}");
                break;
        }
    }

    [Fact]
    public void A_time_limit_reports_the_best_solution_with_its_gap_or_no_solution()
    {
        var result = new NetworkOptimiser().Solve(Large, new SolverSettings(SolverBackend.Scip, TimeSpan.FromMilliseconds(30)));
        AssertHonest(result, "time limit");
    }

    [Fact]
    public void Cancelling_a_running_solve_interrupts_it_and_reports_honestly()
    {
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(60));
        var result = new NetworkOptimiser().Solve(Large, new SolverSettings(SolverBackend.Scip), cancel.Token);
        AssertHonest(result, "cancelled");
    }
}
