using System.Collections.Immutable;

using Google.OrTools.LinearSolver;

using Logistics.Network.Model;
using Logistics.Optimisation.Model;
using Logistics.Optimisation.Solving.Heuristics;

namespace Logistics.Benchmarks.Decomposition;

/// <summary>
/// One master solve of the decomposition: its phase, the bound, and the best value so far (in phase 1 the best LP
/// value at a fractional point, in phase 2 the best plan), with the time since the start.
/// </summary>
internal sealed record BendersStep(string Phase, int Iteration, double LowerBound, double? UpperBound, TimeSpan Elapsed);

/// <summary>What the decomposition ended with: the best plan it priced, its bound, and the trace of master solves.</summary>
internal sealed record BendersResult(BuildPlan? Best, double LowerBound, double LpBound, int LpIterations, int MipIterations, int SubproblemSolves, ImmutableArray<BendersStep> Trace)
{
    public double? Gap => Best is null ? null : (Best.Cost - LowerBound) / Math.Max(1e-9, Math.Abs(Best.Cost));
}

/// <summary>
/// A Benders decomposition of the design model, kept in the benchmark program to measure it against the monolithic MIP
/// the optimiser solves (docs/model.md, "Decomposition (Benders): measured, not used"):
/// the builds in a master of one value variable and the cuts, the whole flow LP (<see cref="BendersSubproblem"/>) as the
/// subproblem. Phase 1 solves the master as an LP (builds in [0, 1]) with in-out stabilisation (Ben-Ameur and Neto
/// 2007: each cut is taken between the master's point and the best point so far), until its bound meets the best value
/// of the LP, which is then the strong formulation's LP bound; phase 2 solves the master as a MIP in SCIP, adds the
/// cut at each integer plan, and prices the plan exactly, until the plan and the bound meet or time runs out.
/// </summary>
internal static class BendersDecomposition
{
    /// <summary>Share of the budget phase 1 may take.</summary>
    public const double LpShare = 0.5;

    public static BendersResult Run(NetworkSnapshot network, ModelOptions options, TimeSpan budget, TimeProvider time, double gap = 1e-4)
    {
        var started = time.GetTimestamp();
        TimeSpan Elapsed() => time.GetElapsedTime(started);
        TimeSpan Left() => budget - Elapsed();
        using var sub = new BendersSubproblem(network, options);
        var n = sub.FreeOptions.Length;
        var cuts = new List<BendersCut>();
        var trace = ImmutableArray.CreateBuilder<BendersStep>();
        BuildPlan? best = null;
        void Priced(BendersCut cut)
        {
            cuts.Add(cut);
            if (cut.Carried && cut.At.All(v => v is 0 or 1) && (best is null || cut.Value < best.Cost))
                best = new BuildPlan([.. cut.At.Select(v => v == 1)], cut.Value, "Benders");
        }

        // Phase 1: the master LP, stabilised. The all-built plan is the first in-point: the most capacity there is.
        var inPoint = Enumerable.Repeat(1.0, n).ToArray();
        if (sub.Evaluate(inPoint, Left()) is not { } first)
            return new BendersResult(null, double.NegativeInfinity, double.NegativeInfinity, 0, 0, sub.Solves, []);
        Priced(first);
        var inValue = first.Value;
        var lower = double.NegativeInfinity;
        var lpIterations = 0;
        using (var master = ReoptimisingLp.Create())
        {
            var y = Enumerable.Range(0, n).Select(i => master.MakeNumVar(0, 1, $"y{i}")).ToArray();
            var eta = master.MakeNumVar(double.NegativeInfinity, double.PositiveInfinity, "eta");
            master.Objective().SetCoefficient(eta, 1);
            master.Objective().SetMinimization();
            AddCut(master, y, eta, first);
            var alpha = 0.5;
            while (Elapsed() < budget * LpShare)
            {
                master.SetTimeLimit((long)Math.Max(1, Left().TotalMilliseconds));
                if (ReoptimisingLp.Resolve(master) != Solver.ResultStatus.OPTIMAL)
                    break;
                lpIterations++;
                lower = eta.SolutionValue();
                var point = y.Select(v => v.SolutionValue()).ToArray();
                trace.Add(new BendersStep("LP", lpIterations, lower, inValue, Elapsed()));
                if (inValue - lower <= gap * Math.Max(1, Math.Abs(inValue)))
                    break;
                var separate = point.Select((p, i) => (alpha * p) + ((1 - alpha) * inPoint[i])).ToArray();
                if (sub.Evaluate(separate, Left()) is not { } cut)
                    break;
                Priced(cut);
                AddCut(master, y, eta, cut);
                if (cut.Value < inValue)
                    (inPoint, inValue) = (separate, cut.Value);
                // The cut must cut the master's point off; when it does not, separate at the point itself next time.
                alpha = cut.ValueAt(point) > lower + (gap * Math.Max(1, Math.Abs(lower))) ? 0.5 : 1.0;
            }
        }

        var lpBound = lower;
        var mipIterations = 0;
        using (var master = Solver.CreateSolver("SCIP") ?? throw new InvalidOperationException("OR-Tools could not create SCIP."))
        {
            var y = Enumerable.Range(0, n).Select(i => master.MakeBoolVar($"y{i}")).ToArray();
            var eta = master.MakeNumVar(lower, double.PositiveInfinity, "eta");
            master.Objective().SetCoefficient(eta, 1);
            master.Objective().SetMinimization();
            foreach (var cut in cuts)
                AddCut(master, y, eta, cut);
            using var parameters = new MPSolverParameters();
            parameters.SetDoubleParam(MPSolverParameters.DoubleParam.RELATIVE_MIP_GAP, gap);
            while (Left() > TimeSpan.Zero)
            {
                if (best is not null)
                    master.SetHint([.. y, eta], [.. best.Open.Select(o => o ? 1.0 : 0.0), best.Cost]);
                master.SetTimeLimit((long)Math.Max(1, Left().TotalMilliseconds));
                var status = master.Solve(parameters);
                if (status is not (Solver.ResultStatus.OPTIMAL or Solver.ResultStatus.FEASIBLE))
                    break;
                mipIterations++;
                lower = Math.Max(lower, master.Objective().BestBound());
                trace.Add(new BendersStep("MIP", mipIterations, lower, best?.Cost, Elapsed()));
                if (best is not null && best.Cost - lower <= gap * Math.Max(1, Math.Abs(best.Cost)))
                    break;
                var plan = y.Select(v => v.SolutionValue() > 0.5 ? 1.0 : 0.0).ToArray();
                if (sub.Evaluate(plan, Left()) is not { } cut)
                    break;
                Priced(cut);
                AddCut(master, y, eta, cut);
            }
        }

        if (best is not null && best.Cost - lower <= gap * Math.Max(1, Math.Abs(best.Cost)))
            lower = Math.Min(lower, best.Cost);
        trace.Add(new BendersStep("end", lpIterations + mipIterations, lower, best?.Cost, Elapsed()));
        return new BendersResult(best, lower, lpBound, lpIterations, mipIterations, sub.Solves, trace.ToImmutable());
    }

    /// <summary>eta ≥ value + Σ gradientᵢ (yᵢ − atᵢ), written as eta − Σ gradientᵢ yᵢ ≥ value − Σ gradientᵢ atᵢ.</summary>
    private static void AddCut(Solver master, Variable[] y, Variable eta, BendersCut cut)
    {
        var constant = cut.Value;
        for (var i = 0; i < y.Length; i++)
            constant -= cut.Gradient[i] * cut.At[i];
        var row = master.MakeConstraint(constant, double.PositiveInfinity);
        row.SetCoefficient(eta, 1);
        for (var i = 0; i < y.Length; i++)
        {
            if (cut.Gradient[i] != 0)
                row.SetCoefficient(y[i], -cut.Gradient[i]);
        }
    }
}
