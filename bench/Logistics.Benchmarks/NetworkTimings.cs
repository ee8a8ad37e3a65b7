using System.Diagnostics;
using System.Globalization;

using Logistics.Network.IO;
using Logistics.Network.Loading;
using Logistics.Optimisation;

namespace Logistics.Benchmarks;

/// <summary>
/// In-process load and solve times of one network file (issue 11's "in-process under 0.2 s" for the periodised default
/// network): a first, cold run (JIT and OR-Tools start-up included) and then <c>runs</c> warm ones, each loaded and
/// solved afresh with the CLI's default settings, with the median of the warm runs.
/// </summary>
public static class NetworkTimings
{
    public static int Run(string path, string? scenario, int runs, TextWriter output)
    {
        output.WriteLine("| Run | Load ms | Build ms | Solve ms | Solve call ms | Vars | Rows | Status | Objective USD |");
        output.WriteLine("|---|---:|---:|---:|---:|---:|---:|---|---:|");
        var warm = new List<(double Load, double Call)>();
        for (var i = 0; i <= runs; i++)
        {
            var watch = Stopwatch.StartNew();
            var loaded = NetworkLoader.Load(path, new LoadOptions { Scenario = scenario });
            var load = watch.Elapsed.TotalMilliseconds;
            if (!loaded.Succeeded || loaded.Network is null)
            {
                output.WriteLine($"{path} did not load: {string.Join("; ", loaded.Errors.Take(3))}");
                return 1;
            }

            watch.Restart();
            var result = new NetworkOptimiser().Solve(loaded.Network, SolverSettings.Default);
            var call = watch.Elapsed.TotalMilliseconds;
            var run = result.Solver;
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {(i == 0 ? "cold" : i.ToString(CultureInfo.InvariantCulture))} | {load:F0} | {run.BuildTime.TotalMilliseconds:F0} | {run.SolveTime.TotalMilliseconds:F0} | {call:F0} | {run.Variables} | {run.Constraints} | {result.Status} | {result.Objective:N0} |"));
            if (i > 0)
                warm.Add((load, call));
        }

        if (warm.Count > 0)
        {
            static double Median(IEnumerable<double> values)
            {
                var sorted = values.Order().ToList();
                return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
            }

            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| median of {warm.Count} warm runs | {Median(warm.Select(w => w.Load)):F0} | | | {Median(warm.Select(w => w.Call)):F0} | | | | |"));
        }

        return 0;
    }
}
