using System.Collections.Immutable;
using System.Diagnostics;
using System.Globalization;

using Logistics.Network.IO;
using Logistics.Network.Loading;
using Logistics.Network.Model;
using Logistics.Optimisation;
using Logistics.Optimisation.Model;
using Logistics.TestKit;

namespace Logistics.Benchmarks;

/// <summary>
/// One benchmark run: where the time went, how much memory it took and what the solver proved. The objective is USD per
/// year for a one-period instance and the present value in base-year USD for a plan over time.
/// </summary>
public sealed record BenchmarkResult(
    string Instance, bool Gate, string Backend, int Variables, int Constraints, double LoadMs, double BuildMs, double SolveMs, double PricesMs, double ExtractMs,
    double TotalMs, double PeakMiB, double ManagedAllocatedMiB, string Status, double? Objective, double? Gap, int Built)
{
    public const string Header = "| Instance | Gate | Backend | Vars | Rows | Load ms | Build ms | Solve ms | Prices ms | Extract ms | Total ms | Peak MiB | GC alloc MiB | Status | Objective USD | Gap | Built |\n|---|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|---:|---:|---:|";

    public string Row() => string.Create(CultureInfo.InvariantCulture,
        $"| {Instance} | {(Gate ? "on" : "off")} | {Backend} | {Variables} | {Constraints} | {LoadMs:F0} | {BuildMs:F0} | {SolveMs:F0} | {PricesMs:F0} | {ExtractMs:F0} | {TotalMs:F0} | {PeakMiB:F0} | {ManagedAllocatedMiB:F0} | {Status} | {Objective:N0} | {Gap:P3} | {Built} |");
}

public static class BenchmarkRunner
{
    /// <param name="aggregate">Share one flow layer among a commodity's markets (the default); false keeps a layer per class, as before.</param>
    public static BenchmarkResult RunInstance(InstanceSize size, string backend, double timeLimitSeconds, double gap, bool tighten, bool aggregate = true, bool? hint = null, bool incumbent = true, bool heuristics = true)
    {
        var total = Stopwatch.StartNew();
        var network = SyntheticNetworks.Generate(size);

        // Load: write the instance as a network file and read it back through the loader, as a user's file would be.
        var folder = Path.Combine(Path.GetTempPath(), "logistics-bench-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path.Combine(folder, "networks"));
        Directory.CreateDirectory(Path.Combine(folder, "seeds"));
        var file = Path.Combine(folder, "networks", size.Name + ".network.json");
        File.WriteAllText(file, NetworkWriter.Write(network));
        total.Restart();
        var load = Stopwatch.StartNew();
        var loaded = NetworkLoader.Load(file);
        load.Stop();
        Directory.Delete(folder, recursive: true);
        if (!loaded.Succeeded || loaded.Network is null)
            throw new InvalidOperationException($"{size.Name} did not load: {string.Join("; ", loaded.Errors.Take(3))}");

        var settings = new SolverSettings(Backend(backend), TimeSpan.FromSeconds(timeLimitSeconds), gap)
        {
            // --hint none|all: every free option hinted unbuilt or built (the incumbent-from-the-start experiment).
            BuildHint = hint is { } h ? loaded.Network.Options.ToImmutableDictionary(o => o.Id, _ => h) : null,
        };
        var result = new NetworkOptimiser().Solve(loaded.Network, settings, new ModelOptions(TightenBuiltLinks: tighten, AggregateClasses: aggregate, IncumbentStart: incumbent, PrimalHeuristics: heuristics));
        total.Stop();
        var run = result.Solver;
        using var process = Process.GetCurrentProcess();
        var label = size.Name + (aggregate ? "" : " (split)") + (incumbent ? "" : " (no start)") + (heuristics ? "" : " (no heuristics)") + (hint is { } hinted ? $" (hint {(hinted ? "all" : "none")})" : "");
        return new BenchmarkResult(label, tighten, run.BackendName, run.Variables, run.Constraints, load.Elapsed.TotalMilliseconds, run.BuildTime.TotalMilliseconds,
            run.SolveTime.TotalMilliseconds, run.PriceTime.TotalMilliseconds, run.ExtractTime.TotalMilliseconds, total.Elapsed.TotalMilliseconds,
            process.PeakWorkingSet64 / (1024.0 * 1024.0), GC.GetTotalAllocatedBytes() / (1024.0 * 1024.0), result.Status.ToString(), result.Objective, result.RelativeGap, result.Builds.Count(b => b.Built));
    }

    /// <summary>Every scenario of a network file with every MIP backend and the gate on and off (the Auto and tightening questions).</summary>
    public static void CompareOnNetwork(string path, TextWriter output)
    {
        var base_ = NetworkLoader.Load(path).Network ?? throw new InvalidOperationException($"{path} did not load.");
        var scenarios = new List<string?> { null };
        scenarios.AddRange(base_.Scenarios.Select(s => s.Id.Value));
        output.WriteLine("| Scenario | Backend | Gate | Solve ms (best of 3) | Status | Objective USD/yr | Built |");
        output.WriteLine("|---|---|---|---:|---|---:|---|");
        foreach (var scenario in scenarios)
        {
            var network = NetworkLoader.Load(path, new LoadOptions { Scenario = scenario }).Network!;
            foreach (var backend in new[] { SolverBackend.Scip, SolverBackend.Cbc, SolverBackend.Highs })
            {
                foreach (var gate in new[] { true, false })
                {
                    OptimisationResult? last = null;
                    var best = double.MaxValue;
                    for (var i = 0; i < 3; i++)
                    {
                        last = new NetworkOptimiser().Solve(network, new SolverSettings(backend), new ModelOptions(TightenBuiltLinks: gate));
                        best = Math.Min(best, last.Solver.SolveTime.TotalMilliseconds);
                    }

                    var built = string.Join(", ", last!.Builds.Where(b => b.Built).Select(b => b.Id.Value));
                    output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"| {scenario ?? "base"} | {backend} | {(gate ? "on" : "off")} | {best:F1} | {last.Status} | {last.Objective:N0} | {built} |"));
                }
            }
        }
    }

    /// <summary>Model build time per family (best of 3 builds, each into a fresh SCIP solver), to see where build time goes.</summary>
    public static void TimeFamilies(InstanceSize size, TextWriter output)
    {
        if (size.Periods > 1)
        {
            TimePlanBuild(size, output);
            return;
        }

        var network = SyntheticNetworks.Generate(size);
        var best = new Dictionary<string, double>(StringComparer.Ordinal);
        var variables = 0;
        for (var round = 0; round < 3; round++)
        {
            using var solver = Google.OrTools.LinearSolver.Solver.CreateSolver("SCIP");
            var watch = Stopwatch.StartNew();
            var model = new OptimisationModel(network, solver, integerBuilds: true, ModelOptions.Default);
            Keep(best, "(graph and classes)", watch.Elapsed.TotalMilliseconds);
            solver.Objective().SetMinimization();
            foreach (var family in ModelBuilder.Families)
            {
                watch.Restart();
                family.Add(model);
                Keep(best, family.Info.Name, watch.Elapsed.TotalMilliseconds);
            }

            variables = solver.NumVariables();
        }

        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{size.Name}: {variables} variables, build {best.Values.Sum():F0} ms (sum of best per family)"));
        foreach (var (family, ms) in best)
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {family,-20} {ms,8:F1} ms"));
    }

    /// <summary>
    /// Build time of a plan over time's joint model (issue 11: "build linear in the number of variables"): the instance
    /// is written and loaded as a user's file would be, then the model is built three times; best wall and CPU time of
    /// the three, and both per thousand variables, so sizes compare as a ratio (CPU time is the steadier under load).
    /// </summary>
    public static void TimePlanBuild(InstanceSize size, TextWriter output)
    {
        var network = LoadThroughFile(size);
        var (bestWall, bestCpu, variables, rows) = (double.MaxValue, double.MaxValue, 0, 0);
        using var process = Process.GetCurrentProcess();
        for (var round = 0; round < 3; round++)
        {
            using var solver = Google.OrTools.LinearSolver.Solver.CreateSolver("SCIP");
            process.Refresh();
            var cpu = process.TotalProcessorTime;
            var watch = Stopwatch.StartNew();
            Optimisation.Periods.TimelineModel.Build(network, solver, integerBuilds: true, ModelOptions.Default);
            bestWall = Math.Min(bestWall, watch.Elapsed.TotalMilliseconds);
            process.Refresh();
            bestCpu = Math.Min(bestCpu, (process.TotalProcessorTime - cpu).TotalMilliseconds);
            (variables, rows) = (solver.NumVariables(), solver.NumConstraints());
        }

        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {size.Name} | {variables} | {rows} | {bestWall:F0} | {bestCpu:F0} | {bestWall * 1000 / variables:F2} | {bestCpu * 1000 / variables:F2} |"));
    }

    /// <summary>The instance written as a network file and read back through the loader (which binds a plan's period snapshots).</summary>
    private static NetworkSnapshot LoadThroughFile(InstanceSize size)
    {
        var folder = Path.Combine(Path.GetTempPath(), "logistics-bench-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path.Combine(folder, "networks"));
        Directory.CreateDirectory(Path.Combine(folder, "seeds"));
        try
        {
            var file = Path.Combine(folder, "networks", size.Name + ".network.json");
            File.WriteAllText(file, NetworkWriter.Write(SyntheticNetworks.Generate(size)));
            var loaded = NetworkLoader.Load(file);
            return loaded.Succeeded && loaded.Network is { } network
                ? network
                : throw new InvalidOperationException($"{size.Name} did not load: {string.Join("; ", loaded.Errors.Take(3))}");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static void Keep(Dictionary<string, double> best, string key, double ms) => best[key] = Math.Min(best.GetValueOrDefault(key, double.MaxValue), ms);

    public static SolverBackend Backend(string name) => name switch
    {
        "cbc" => SolverBackend.Cbc,
        "highs" => SolverBackend.Highs,
        _ => SolverBackend.Scip,
    };
}
