using Google.OrTools.LinearSolver;

using Logistics.Network.Model;

namespace Logistics.Optimisation.Model;

/// <summary>
/// The extensive form of the two-stage stochastic plan (docs/model.md and docs/analyses.md, "Two-stage plan"): one set of
/// build variables shared by every draw (first stage), and for each draw a full copy of the flow model built from that
/// draw's snapshot by the same families as a single solve (second stage). Each draw's objective coefficients are
/// scaled by its probability 1/N, so the objective is the expected cost; with a CVaR weight λ it adds
/// λ·(η + Σ_k u_k / (N(1 − α))) with u_k ≥ cost_k − η (Rockafellar and Uryasev 2000). A class of its own so the
/// single-period <see cref="ModelBuilder"/> stays as it is.
/// </summary>
internal sealed class ExtensiveForm
{
    private ExtensiveForm(Solver solver, SortedDictionary<OptionId, Variable> build, List<DrawCost> costs, Variable? eta, List<Variable> excess)
    {
        Solver = solver;
        Build = build;
        Costs = costs;
        Eta = eta;
        Excess = excess;
    }

    public Solver Solver { get; }

    public SortedDictionary<OptionId, Variable> Build { get; }

    /// <summary>Each draw's cost as (variable, coefficient) terms, the build terms with the draw's own capex included.</summary>
    public List<DrawCost> Costs { get; }

    public Variable? Eta { get; }

    public List<Variable> Excess { get; }

    /// <exception cref="ArgumentException">The draws do not share the same options.</exception>
    public static ExtensiveForm Create(IReadOnlyList<NetworkSnapshot> draws, Solver solver, double cvarAlpha, double cvarWeight)
    {
        ArgumentOutOfRangeException.ThrowIfZero(draws.Count);
        var options = draws[0].Options.Select(o => o.Id).ToList();
        if (draws.Any(d => !d.Options.Select(o => o.Id).SequenceEqual(options)))
            throw new ArgumentException("Every draw of a two-stage plan must have the same investment options.", nameof(draws));
        var probability = 1.0 / draws.Count;
        var objective = solver.Objective();
        objective.SetMinimization();

        var first = new OptimisationModel(draws[0], solver, integerBuilds: true, ModelOptions.Default);
        ModelBuilder.Families.OfType<BuildVariables>().Single().Add(first);
        var build = first.Build;
        var costs = new List<DrawCost>();
        for (var k = 0; k < draws.Count; k++)
        {
            var model = k == 0 ? first : new OptimisationModel(draws[k], solver, integerBuilds: true, ModelOptions.Default);
            if (k > 0)
            {
                foreach (var (id, y) in build)
                    model.Build[id] = y;
            }

            var start = solver.NumVariables();
            foreach (var family in ModelBuilder.Families.Where(f => f is not BuildVariables))
                family.Add(model);
            var variables = solver.variables();
            var terms = new List<(Variable Variable, double Coefficient)>();
            for (var i = start; i < variables.Count; i++)
            {
                var c = objective.GetCoefficient(variables[i]);
                if (c == 0) continue;
                terms.Add((variables[i], c));
                objective.SetCoefficient(variables[i], c * probability);
            }

            foreach (var option in draws[k].Options)
                terms.Add((build[option.Id], CostCoefficients.AnnualisedCapex(draws[k], option) + option.FixedOmUsdPerYear));
            costs.Add(new DrawCost(terms));
        }

        // First-stage cost: each draw's capex, weighted by its probability.
        foreach (var (id, y) in build)
            objective.SetCoefficient(y, costs.Sum(c => c.Terms.Where(t => t.Variable == y).Sum(t => t.Coefficient)) * probability);

        Variable? eta = null;
        var excess = new List<Variable>();
        if (cvarWeight > 0)
        {
            eta = solver.MakeNumVar(double.NegativeInfinity, double.PositiveInfinity, "cvarThreshold");
            objective.SetCoefficient(eta, cvarWeight);
            for (var k = 0; k < costs.Count; k++)
            {
                var u = solver.MakeNumVar(0, double.PositiveInfinity, $"cvarExcess[{k}]");
                objective.SetCoefficient(u, cvarWeight * probability / (1 - cvarAlpha));
                var row = solver.MakeConstraint(0, double.PositiveInfinity, $"cvar[{k}]");
                row.SetCoefficient(u, 1);
                row.SetCoefficient(eta, 1);
                foreach (var (variable, coefficient) in costs[k].Terms)
                    row.SetCoefficient(variable, row.GetCoefficient(variable) - coefficient);
                excess.Add(u);
            }
        }

        return new ExtensiveForm(solver, build, costs, eta, excess);
    }
}

/// <summary>One draw's total cost as linear terms over the extensive form's variables.</summary>
internal sealed record DrawCost(List<(Variable Variable, double Coefficient)> Terms)
{
    public double Value() => Terms.Sum(t => t.Coefficient * t.Variable.SolutionValue());
}
