using Logistics.Network.IO;
using Logistics.Network.Loading;
using Logistics.Network.Model;

namespace Logistics.Analysis.Tests;

public class ParallelTests
{
    private static readonly NetworkSource Default = NetworkSource.Read(Nets.DefaultNetworkPath()).Source!;

    [Fact]
    public void Value_gives_the_same_report_whatever_the_parallelism()
    {
        var network = Default.Bind(new LoadOptions { Scenario = "phase2" }).Network!;
        var one = AnalysisJson.Serialize(ValueAnalysis.Run(network, Nets.Settings(1)));
        var three = AnalysisJson.Serialize(ValueAnalysis.Run(network, Nets.Settings(3)));
        Assert.Equal(one, three);
    }

    [Fact]
    public void Sweep_and_compare_give_the_same_report_whatever_the_parallelism()
    {
        var request = new SweepRequest("options[pasni-package].capexUsd", 0.6e9, 1.4e9, 5, "phase2", 1e6);
        Assert.Equal(
            AnalysisJson.Serialize(SweepAnalysis.Run(Default, request, Nets.Settings(1))),
            AnalysisJson.Serialize(SweepAnalysis.Run(Default, request, Nets.Settings(4))));

        // Solver timings differ from run to run; everything else must not.
        static string Stable(ComparisonReport r) => AnalysisJson.Serialize(r with { Outcomes = [.. r.Outcomes.Select(o => o with { Result = null })] });
        string[] scenarios = ["phase2", "bolan-closed", "high-rail-tariff"];
        Assert.Equal(Stable(CompareAnalysis.Run(Default, scenarios, Nets.Settings(1))), Stable(CompareAnalysis.Run(Default, scenarios, Nets.Settings(3))));
    }

    [Fact]
    public void Resilience_gives_the_same_ranking_whatever_the_parallelism()
    {
        var network = Nets.Builder()
            .Add(Nets.Mine("mine", 100)).Add(Nets.Junction("hub")).Add(Nets.Port("p1", 80)).Add(Nets.Port("p2")).Add(Nets.Market("market"))
            .Add(Nets.Link("bridge", "mine", "hub", 1)).Add(Nets.Link("h1", "hub", "p1", 2)).Add(Nets.Link("h2", "hub", "p2", 4))
            .Add(Nets.Link("h2b", "hub", "p2", 5, builtBy: "twin"))
            .Add(Nets.Link("s1", "p1", "market", 0, mode: TransportMode.Sea)).Add(Nets.Link("s2", "p2", "market", 0, mode: TransportMode.Sea))
            .Add(Nets.Option("twin", 50))
            .Build();
        Assert.Equal(
            AnalysisJson.Serialize(ResilienceAnalysis.Run(network, Nets.Settings(1))),
            AnalysisJson.Serialize(ResilienceAnalysis.Run(network, Nets.Settings(4))));
    }

    [Fact]
    public void The_scheduler_returns_results_in_input_order_and_bounds_concurrency()
    {
        var scheduler = new SolveScheduler(Nets.Settings(3));
        var running = 0;
        var peak = 0;
        // Items wait (once, up to a deadline) until three run at once, so a scheduler that ran them one at a time
        // reaches a peak of 1 and fails instead of passing.
        using var threeRunning = new ManualResetEventSlim();
        var gaveUp = 0;
        var results = scheduler.Map(Enumerable.Range(0, 24).ToList(), (i, _) =>
        {
            var now = Interlocked.Increment(ref running);
            InterlockedMax(ref peak, now);
            if (now >= 3)
                threeRunning.Set();
            if (Volatile.Read(ref gaveUp) == 0 && !threeRunning.Wait(TimeSpan.FromSeconds(20), CancellationToken.None))
                Interlocked.Exchange(ref gaveUp, 1);
            Thread.Sleep((24 - i) % 5);
            Interlocked.Decrement(ref running);
            return i * i;
        });
        Assert.Equal(Enumerable.Range(0, 24).Select(i => i * i), results);
        Assert.Equal(3, peak);
        Assert.Equal(1, scheduler.Settings.Threads);
    }

    [Fact]
    public void An_exception_in_parallel_work_reaches_the_caller_as_itself()
    {
        var scheduler = new SolveScheduler(Nets.Settings(2));
        var error = Assert.Throws<AnalysisInputException>(() =>
            scheduler.Map(Enumerable.Range(0, 6).ToList(), (i, _) => i == 3 ? throw new AnalysisInputException("bad point") : i));
        Assert.Equal("bad point", error.Message);
    }

    private static void InterlockedMax(ref int target, int value)
    {
        int current;
        while ((current = Volatile.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, current) != current)
        {
        }
    }
}
