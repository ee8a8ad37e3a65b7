namespace Logistics.Optimisation.Tests;

/// <summary>
/// The time limit covers the whole run (build, solve, extraction, prices), and when it runs out the result says so
/// honestly: no meaningless bound or gap, prices skipped with a note. A clock that moves one second every time it is
/// read stands for a slow machine, so the behaviour is asserted without measuring wall time.
/// </summary>
[Collection(nameof(TimingSensitive))]
public sealed class WholeRunLimitTests
{
    /// <summary>One second passes every time the clock is read.</summary>
    private sealed class SteppingClock : TimeProvider
    {
        private long _ticks;

        public override long TimestampFrequency => TimeSpan.TicksPerSecond;

        public override long GetTimestamp() => Interlocked.Add(ref _ticks, TimeSpan.TicksPerSecond);
    }

    [Fact]
    public void A_limit_that_runs_out_while_the_model_is_built_reports_no_solution_for_the_time_limit()
    {
        var network = RandomNetworks.Large(1, 120, 400, 30);

        var result = new NetworkOptimiser(new SteppingClock()).Solve(network, new SolverSettings(SolverBackend.Scip, TimeSpan.FromSeconds(1)));

        Assert.Equal(SolveStatus.NoSolution, result.Status);
        Assert.Equal(TerminationReason.TimeLimit, result.Reason);
        Assert.Contains("while building the model", result.StatusMessage, StringComparison.Ordinal);
        Assert.Equal(TimeSpan.Zero, result.Solver.SolveTime);
        Assert.Null(result.BestBound);
        Assert.Null(result.RelativeGap);
        Assert.Null(result.Prices);
    }

    /// <summary>
    /// Every limit from 1 to 30 (clock) seconds: the run either times out in the build, or solves and skips the prices
    /// that no longer fit, or has room for everything; each of the three happens, and none prints an infinite bound.
    /// </summary>
    [Fact]
    public void As_the_limit_grows_the_run_times_out_in_the_build_then_skips_the_prices_then_does_everything()
    {
        var network = RandomNetworks.Create(3, withOptions: true);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var seconds = 1; seconds <= 30; seconds++)
        {
            var result = new NetworkOptimiser(new SteppingClock()).Solve(network, new SolverSettings(SolverBackend.Scip, TimeSpan.FromSeconds(seconds)));
            Assert.True(result.BestBound is null || double.IsFinite(result.BestBound.Value) && Math.Abs(result.BestBound.Value) < 1e19, $"{seconds} s: bound {result.BestBound}");
            if (result.Status == SolveStatus.NoSolution)
            {
                Assert.Equal(TerminationReason.TimeLimit, result.Reason);
                seen.Add("build");
            }
            else if (result.Status == SolveStatus.Feasible)
            {
                // The build left the backend only milliseconds: a plan with an honest gap, stopped by the limit.
                Assert.Equal(TerminationReason.TimeLimit, result.Reason);
                seen.Add("stopped with a plan");
            }
            else
            {
                Assert.Equal(SolveStatus.Optimal, result.Status);
                Assert.Equal(TerminationReason.Optimal, result.Reason);
                if (result.Prices is null)
                {
                    Assert.Contains("Prices skipped", result.StatusMessage, StringComparison.Ordinal);
                    seen.Add("prices skipped");
                }
                else
                {
                    Assert.DoesNotContain("Prices", result.StatusMessage, StringComparison.Ordinal);
                    seen.Add("everything");
                }
            }
        }

        Assert.Contains("build", seen);
        Assert.Contains("prices skipped", seen);
        Assert.Contains("everything", seen);
    }

    [Fact]
    public void A_solve_asked_not_to_price_has_no_prices_and_no_note()
    {
        var result = new NetworkOptimiser().Solve(RandomNetworks.Create(3, withOptions: true), SolverSettings.Default with { ComputePrices = false });

        Assert.Equal(SolveStatus.Optimal, result.Status);
        Assert.Null(result.Prices);
        Assert.Equal("Optimal.", result.StatusMessage);
        Assert.Equal(TimeSpan.Zero, result.Solver.PriceTime);
    }

    /// <summary>The same three outcomes for a plan over time: the limit covers its build, its solve and every period's prices.</summary>
    [Fact]
    public void A_plan_over_time_times_out_in_the_build_then_skips_the_prices_then_does_everything()
    {
        var snapshot = RandomNetworks.Create(3, withOptions: true);
        var network = TestTimeline.Of((2028, 6, snapshot), (2034, 10, snapshot));
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var seconds = 1; seconds <= 40; seconds++)
        {
            var result = new NetworkOptimiser(new SteppingClock()).Solve(network, new SolverSettings(SolverBackend.Scip, TimeSpan.FromSeconds(seconds)));
            Assert.True(result.BestBound is null || double.IsFinite(result.BestBound.Value) && Math.Abs(result.BestBound.Value) < 1e19, $"{seconds} s: bound {result.BestBound}");
            if (result.Status == SolveStatus.NoSolution)
            {
                Assert.Equal(TerminationReason.TimeLimit, result.Reason);
                if (result.StatusMessage.Contains("while building the model", StringComparison.Ordinal)) seen.Add("build");
            }
            else if (result.Status == SolveStatus.Optimal)
            {
                var priced = result.Periods.Count(p => p.Prices is not null);
                if (result.StatusMessage.Contains("Prices skipped", StringComparison.Ordinal)) seen.Add("prices skipped");
                else if (priced == result.Periods.Length) seen.Add("everything");
            }
        }

        Assert.Contains("build", seen);
        Assert.Contains("prices skipped", seen);
        Assert.Contains("everything", seen);
    }

    [Fact]
    public void A_plan_over_time_asked_not_to_price_has_no_prices_in_any_period()
    {
        var snapshot = RandomNetworks.Create(3, withOptions: true);
        var network = TestTimeline.Of((2028, 6, snapshot), (2034, 10, snapshot));

        var result = new NetworkOptimiser().Solve(network, SolverSettings.Default with { ComputePrices = false });

        Assert.Equal(SolveStatus.Optimal, result.Status);
        Assert.All(result.Periods, p => Assert.Null(p.Prices));
        Assert.DoesNotContain("Prices", result.StatusMessage, StringComparison.Ordinal);
    }
}
