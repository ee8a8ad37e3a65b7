using System.Diagnostics;
using System.Globalization;

using Google.OrTools.LinearSolver;

using Logistics.Network.Model;
using Logistics.Optimisation.Model;

namespace Logistics.Benchmarks.StandardSets;

/// <summary>The LP relaxation's bound at the root under one way of adding the strong linking inequalities.</summary>
public sealed record RootBound(string Instance, string Variant, double Bound, int GateRows, int Rounds, double Seconds)
{
    public const string Header = "| Instance | Linking inequalities | Root LP bound | Gate rows | LP solves | Seconds |\n|---|---|---:|---:|---:|---:|";

    public string Row() => string.Create(CultureInfo.InvariantCulture, $"| {Instance} | {Variant} | {Bound:N1} | {GateRows} | {Rounds} | {Seconds:F2} |");
}

/// <summary>
/// Measures the root LP bound (build variables continuous, GLOP) with the weak model, with every strong linking row
/// (flow of a layer on an option-built arc ≤ min(layer volume, capacity) × build), with only the rows that tighten the
/// capacity row, and with the rows added as cuts only where the last LP violates them (solve, add, re-solve).
/// </summary>
public static class RootBoundExperiment
{
    /// <param name="full">Also solve the LPs with every row (slow: GLOP takes about 7 times the cut loop's time on c33).</param>
    public static IEnumerable<RootBound> Measure(string name, NetworkSnapshot network, bool full = true)
    {
        yield return Solve(name, "none (weak)", network, new ModelOptions(TightenBuiltLinks: false));
        if (full)
        {
            yield return Solve(name, "all", network, new ModelOptions(TightenBuiltLinks: true, GateOnlyWhereTighter: false));
            yield return Solve(name, "where tighter", network, new ModelOptions(TightenBuiltLinks: true, GateOnlyWhereTighter: true));
        }

        yield return Cuts(name, network);
    }

    private static RootBound Solve(string name, string variant, NetworkSnapshot network, ModelOptions options)
    {
        var watch = Stopwatch.StartNew();
        using var solver = Solver.CreateSolver("GLOP") ?? throw new InvalidOperationException("GLOP is not available.");
        var model = ModelBuilder.Build(network, solver, integerBuilds: false, options);
        var status = solver.Solve();
        if (status != Solver.ResultStatus.OPTIMAL)
            throw new InvalidOperationException($"{name}: the root LP ended {status}.");
        return new RootBound(name, variant, solver.Objective().Value(), model.RowsByFamily.GetValueOrDefault("builtLinkGate"), 1, watch.Elapsed.TotalSeconds);
    }

    /// <summary>The weak model, then rounds of adding every violated linking row and re-solving until none is violated.</summary>
    private static RootBound Cuts(string name, NetworkSnapshot network)
    {
        var watch = Stopwatch.StartNew();
        using var solver = Optimisation.Solving.Heuristics.ReoptimisingLp.Create();
        var model = ModelBuilder.Build(network, solver, integerBuilds: false, new ModelOptions(TightenBuiltLinks: false));
        var candidates = StrongLinkingRows.Candidates(model, onlyWhereTighter: true).ToList();
        var added = new bool[candidates.Count];
        var rows = 0;
        var rounds = 0;
        while (true)
        {
            rounds++;
            if (Environment.GetEnvironmentVariable("LOGISTICS_BENCH_VERBOSE") is not null)
                Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"round {rounds}: {rows} rows, {watch.Elapsed.TotalSeconds:F1} s"));
            if (solver.Solve() != Solver.ResultStatus.OPTIMAL)
                throw new InvalidOperationException($"{name}: a cut round's LP did not solve.");
            // Read every value before adding a row: a changed model has no solution to read.
            var violated = Enumerable.Range(0, candidates.Count)
                .Where(i => !added[i] && candidates[i].Flow.SolutionValue() > (candidates[i].Bound * candidates[i].Build.SolutionValue()) + (1e-6 * Math.Max(1, candidates[i].Bound)))
                .ToList();
            foreach (var i in violated)
            {
                var row = solver.MakeConstraint(double.NegativeInfinity, 0);
                row.SetCoefficient(candidates[i].Flow, 1);
                row.SetCoefficient(candidates[i].Build, -candidates[i].Bound);
                added[i] = true;
            }

            rows += violated.Count;
            if (violated.Count == 0)
                return new RootBound(name, "cuts when violated", solver.Objective().Value(), rows, rounds, watch.Elapsed.TotalSeconds);
        }
    }
}
