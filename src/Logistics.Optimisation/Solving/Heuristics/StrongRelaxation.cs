using System.Collections.Immutable;

using Google.OrTools.LinearSolver;

using Logistics.Network.Model;
using Logistics.Optimisation.Model;

namespace Logistics.Optimisation.Solving.Heuristics;

/// <summary>
/// The LP relaxation with the strong linking inequalities added as cuts (docs/model.md, "Strong linking"): solve the
/// weak LP, add every linking row the solution violates, re-solve, until none is violated. It reaches the bound of the
/// model with every row (c33: 422,853 against 378,624 weak) with about 1 % of the rows and a fraction of the time, and
/// its build values guide the heuristics. The rows it needed are handed to the MIP.
/// </summary>
internal sealed class StrongRelaxation : IDisposable
{
    private readonly Solver _solver;

    private StrongRelaxation(Solver solver, OptimisationModel model)
    {
        _solver = solver;
        Model = model;
    }

    public OptimisationModel Model { get; }

    public Solver Solver => _solver;

    /// <summary>The relaxation's bound after the last round.</summary>
    public double Bound { get; private set; }

    public int Rounds { get; private set; }

    /// <summary>The linking rows the rounds added, as (layer, arc) indices, in the order added.</summary>
    public ImmutableArray<(int Layer, int Arc)> Separated { get; private set; } = [];

    /// <summary>False when time ran out before no linking row was violated: the bound and values are then the last round's.</summary>
    public bool Converged { get; private set; }

    private Dictionary<OptionId, double> _buildValues = [];

    /// <summary>Build values of the free options at the last solved round, by index into <paramref name="freeOptions"/>.</summary>
    public double[] BuildValues(ImmutableArray<OptionId> freeOptions) => [.. freeOptions.Select(id => _buildValues.GetValueOrDefault(id))];

    /// <summary>
    /// Solves the strong relaxation within <paramref name="budget"/>; null when not even the first LP solved. When time
    /// runs out between rounds the last round's solution stands (on a 200-commodity C instance the later rounds take
    /// most of the time and move the bound least).
    /// </summary>
    public static StrongRelaxation? Solve(NetworkSnapshot network, ModelOptions options, TimeSpan budget, TimeProvider time)
    {
        var started = time.GetTimestamp();
        var solver = ReoptimisingLp.Create();
        var model = ModelBuilder.Build(network, solver, integerBuilds: false, options with { TightenBuiltLinks = false });
        var relaxation = new StrongRelaxation(solver, model);
        var candidates = StrongLinkingRows.Candidates(model, onlyWhereTighter: true).ToList();
        var added = new bool[candidates.Count];
        var separated = new List<(int, int)>();
        while (true)
        {
            var left = budget - time.GetElapsedTime(started);
            if (left <= TimeSpan.Zero)
                break;
            solver.SetTimeLimit((long)Math.Max(1, left.TotalMilliseconds));
            relaxation.Rounds++;
            if (ReoptimisingLp.Resolve(solver) != Solver.ResultStatus.OPTIMAL)
                break;
            relaxation.Bound = solver.Objective().Value();
            relaxation._buildValues = model.Build.ToDictionary(b => b.Key, b => b.Value.SolutionValue());
            // Read every value before adding a row: a changed model has no solution to read.
            var violated = Enumerable.Range(0, candidates.Count)
                .Where(i => !added[i] && candidates[i].Flow.SolutionValue() > (candidates[i].Bound * candidates[i].Build.SolutionValue()) + (1e-6 * Math.Max(1, candidates[i].Bound)))
                .ToList();
            relaxation.Separated = [.. separated];
            if (violated.Count == 0)
            {
                relaxation.Converged = true;
                return relaxation;
            }

            foreach (var i in violated)
            {
                var row = solver.MakeConstraint(double.NegativeInfinity, 0);
                row.SetCoefficient(candidates[i].Flow, 1);
                row.SetCoefficient(candidates[i].Build, -candidates[i].Bound);
                added[i] = true;
                separated.Add((candidates[i].Layer.Index, candidates[i].Arc.Index));
            }
        }

        if (relaxation._buildValues.Count > 0 || model.Build.Count == 0)
            return relaxation;
        relaxation.Dispose();
        return null;
    }

    /// <summary>Adds the separated rows to another model of the same network and options (the MIP), named as the builtLinkGate family names them.</summary>
    public void AddSeparatedRowsTo(OptimisationModel target)
    {
        var bounds = StrongLinkingRows.Candidates(target, onlyWhereTighter: true).ToDictionary(c => (c.Layer.Index, c.Arc.Index));
        foreach (var key in Separated)
        {
            if (!bounds.TryGetValue(key, out var c))
                continue;
            var row = target.AddRow("builtLinkGate", $"builtLinkGate[{c.Layer.Key}][{c.Arc.Key}]", double.NegativeInfinity, 0);
            row.SetCoefficient(c.Flow, 1);
            row.SetCoefficient(c.Build, -c.Bound);
        }
    }

    public void Dispose() => _solver.Dispose();
}
