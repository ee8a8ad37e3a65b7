using System.Collections.Immutable;

using Google.OrTools.LinearSolver;

using Logistics.Network.Model;
using Logistics.Optimisation.Model;
using Logistics.Optimisation.Solving.Heuristics;

namespace Logistics.Benchmarks.Decomposition;

/// <summary>
/// A Benders optimality cut: the subproblem's value at <see cref="At"/> and a subgradient there, so that
/// value(y) ≥ <see cref="Value"/> + Σ <see cref="Gradient"/>ᵢ (yᵢ − <see cref="At"/>ᵢ) for every build vector y.
/// <see cref="Carried"/> is false when the LP needed the penalised slack (the builds cannot carry the cargo).
/// </summary>
internal sealed record BendersCut(ImmutableArray<double> At, double Value, ImmutableArray<double> Gradient, bool Carried)
{
    /// <summary>The cut's right-hand side at <paramref name="y"/>.</summary>
    public double ValueAt(IReadOnlyList<double> y)
    {
        var value = Value;
        for (var i = 0; i < At.Length; i++)
            value += Gradient[i] * (y[i] - At[i]);
        return value;
    }
}

/// <summary>
/// The Benders subproblem of the design model (docs/model.md, "Decomposition"): the whole model's LP with every free
/// build variable fixed at a value in [0, 1], solved in CLP from the last basis. The strong linking inequalities are
/// written as flow bounds (flow ≤ min(layer volume, capacity) × y), so at a fractional y its value is that of the
/// strong formulation; every supply that must leave and every minimum delivery has a penalised slack, so the LP is
/// always feasible and every answer gives a cut: the value function is convex in y, and the reduced costs of the fixed
/// build variables plus the bound duals of the flows tied to them are a subgradient.
/// </summary>
internal sealed class BendersSubproblem : IDisposable
{
    private readonly Solver _solver;
    private readonly Variable[] _free;
    private readonly Variable[] _slacks;
    private readonly (int Option, Variable Flow, double Bound, double Upper)[] _tied;

    /// <summary>The subproblem of the optimiser's default model of <paramref name="network"/>.</summary>
    public BendersSubproblem(NetworkSnapshot network)
        : this(network, ModelOptions.Default)
    {
    }

    public BendersSubproblem(NetworkSnapshot network, ModelOptions options)
    {
        _solver = ReoptimisingLp.Create();
        Model = ModelBuilder.Build(network, _solver, integerBuilds: false, options with { TightenBuiltLinks = false });
        FreeOptions = Model.FreeOptions;
        _free = [.. FreeOptions.Select(id => Model.Build[id])];
        var index = new Dictionary<Variable, int>(ReferenceEqualityComparer.Instance);
        for (var i = 0; i < _free.Length; i++)
            index[_free[i]] = i;
        _tied = [.. StrongLinkingRows.Candidates(Model, onlyWhereTighter: false)
            .Where(c => index.ContainsKey(c.Build))
            .Select(c => (index[c.Build], c.Flow, c.Bound, c.Flow.Ub()))];
        Penalty = SlackPenalty();
        _slacks = AddSlacks();
    }

    public OptimisationModel Model { get; }

    /// <summary>The free options, in id order: the index of every y vector.</summary>
    public ImmutableArray<OptionId> FreeOptions { get; }

    /// <summary>Cost per tonne of the slack: ten times the dearest per-tonne path a layer can take, plus the dearest other term.</summary>
    public double Penalty { get; }

    /// <summary>LPs solved.</summary>
    public int Solves { get; private set; }

    /// <summary>The value and a subgradient at <paramref name="y"/>; null when the LP did not finish within <paramref name="timeLeft"/>.</summary>
    public BendersCut? Evaluate(IReadOnlyList<double> y, TimeSpan timeLeft)
    {
        for (var i = 0; i < _free.Length; i++)
            _free[i].SetBounds(y[i], y[i]);
        foreach (var (option, flow, bound, upper) in _tied)
            flow.SetUb(Math.Min(upper, bound * y[option]));
        _solver.SetTimeLimit((long)Math.Max(1, timeLeft.TotalMilliseconds));
        Solves++;
        if (ReoptimisingLp.Resolve(_solver) != Solver.ResultStatus.OPTIMAL)
            return null;
        var gradient = _free.Select(v => v.ReducedCost()).ToArray();
        foreach (var (option, flow, bound, upper) in _tied)
        {
            // A flow held at its tied bound: one more unit of y lets it carry `bound` more, at its (negative) reduced cost.
            if (bound * y[option] < upper && flow.ReducedCost() < 0)
                gradient[option] += bound * flow.ReducedCost();
        }

        var carried = _slacks.All(s => s.SolutionValue() <= 1e-6);
        return new BendersCut([.. y], _solver.Objective().Value(), [.. gradient], carried);
    }

    public void Dispose() => _solver.Dispose();

    private double SlackPenalty()
    {
        var objective = _solver.Objective();
        var path = 0.0;
        for (var layer = 0; layer < Model.Layers.Length; layer++)
        {
            var sum = 0.0;
            for (var arc = 0; arc < Model.Graph.Arcs.Length; arc++)
            {
                if (Model.Flow[layer, arc] is { } f)
                    sum += Math.Abs(objective.GetCoefficient(f));
            }

            path = Math.Max(path, sum);
        }

        var builds = Model.Build.Values.Select(b => b.Name()).ToHashSet(StringComparer.Ordinal);
        var other = _solver.variables().Where(v => !builds.Contains(v.Name())).Select(v => Math.Abs(objective.GetCoefficient(v))).DefaultIfEmpty(0).Max();
        return (10 * (path + (2 * other))) + 1;
    }

    private Variable[] AddSlacks()
    {
        var objective = _solver.Objective();
        var slacks = new List<Variable>();
        void Add(Constraint row)
        {
            var v = _solver.MakeNumVar(0, double.PositiveInfinity, $"bendersSlack[{row.Name()}]");
            row.SetCoefficient(v, 1);
            objective.SetCoefficient(v, Penalty);
            slacks.Add(v);
        }

        foreach (var (key, row) in Model.SupplyRows)
        {
            if (row.Lb() > 0 && !Model.Unshipped.ContainsKey(key))
                Add(row);
        }

        foreach (var flowClass in Model.Classes.Where(c => c.Demand.MinTpy > 0))
            Add(Model.DeliverRows[flowClass.Index]);
        return [.. slacks];
    }
}
