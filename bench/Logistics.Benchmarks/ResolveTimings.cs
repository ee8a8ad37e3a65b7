using System.Diagnostics;
using System.Globalization;

using Google.OrTools.LinearSolver;

using Logistics.Benchmarks.StandardSets;
using Logistics.Optimisation.Model;
using Logistics.Optimisation.Solving.Heuristics;

namespace Logistics.Benchmarks;

/// <summary>
/// How fast each LP solver re-solves the fixed-build LP the primal heuristics price plans with (docs/model.md, "Good
/// plans early"): the same model in GLOP (dual simplex, as the heuristics used it before) and in CLP as
/// <see cref="ReoptimisingLp"/> sets it up, through the sequence a search makes: everything built from scratch, eight
/// single options closed one after another, every build relaxed to [0, 1], then nothing built.
/// </summary>
public static class ResolveTimings
{
    public static void Run(StandardInstance instance, TextWriter output)
    {
        output.WriteLine("| Instance | LP solver | All built (s) | 8 single closings (s each) | Relaxed (s) | Nothing built (s) | Objective all / relaxed |");
        output.WriteLine("|---|---|---:|---|---:|---:|---:|");
        foreach (var clp in new[] { false, true })
        {
            using var solver = clp ? ReoptimisingLp.Create() : Solver.CreateSolver("GLOP") ?? throw new InvalidOperationException("No GLOP.");
            if (!clp)
                solver.SetSolverSpecificParametersAsString("use_dual_simplex: true");
            Solver.ResultStatus Solve() => clp ? ReoptimisingLp.Resolve(solver) : solver.Solve();
            var model = ModelBuilder.Build(instance.Network, solver, integerBuilds: false, ModelOptions.Default);
            var y = model.Build.OrderBy(b => b.Key.Value, StringComparer.Ordinal).Select(b => b.Value).ToArray();
            double Timed(Action change)
            {
                change();
                var clock = Stopwatch.StartNew();
                Solve();
                return clock.Elapsed.TotalSeconds;
            }

            var all = Timed(() => Array.ForEach(y, v => v.SetBounds(1, 1)));
            var allCost = solver.Objective().Value();
            var closings = Enumerable.Range(0, Math.Min(8, y.Length)).Select(i => Timed(() => y[(i * 37) % y.Length].SetBounds(0, 0))).ToList();
            var relaxed = Timed(() => Array.ForEach(y, v => v.SetBounds(0, 1)));
            var relaxedCost = solver.Objective().Value();
            var none = Timed(() => Array.ForEach(y, v => v.SetBounds(0, 0)));
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {instance.Name} | {(clp ? "CLP" : "GLOP")} | {all:F2} | {string.Join(" ", closings.Select(c => c.ToString("F2", CultureInfo.InvariantCulture)))} | {relaxed:F2} | {none:F2} | {allCost:N0} / {relaxedCost:N0} |"));
        }
    }
}
