using Google.OrTools.LinearSolver;

using Logistics.Network.Model;

namespace Logistics.Optimisation.Model;

/// <summary>
/// Puts a snapshot's figures on a model already built for a snapshot of the same shape (<see cref="OptimisationModel.Rebind"/>):
/// every coefficient, bound and right-hand side that <see cref="ModelBuilder.Families"/> derive from a figure, computed
/// by the same expressions in the same order, so a refitted model is the model a fresh build would give (pinned by
/// tests against the rebuild path). Rows that hold no figures (conservation, requires, excludes, rules) stay as built.
/// </summary>
internal static class ModelRefit
{
    /// <param name="factor">Multiplies the operating objective coefficients (a period's present value factor; 1 for one year).</param>
    /// <param name="buildObjective">Set the build variables' objective (annualised capex and O&amp;M); a plan over time sets its own.</param>
    public static void Apply(OptimisationModel model, double factor = 1, bool buildObjective = true)
    {
        ArgumentNullException.ThrowIfNull(model);
        var network = model.Network;
        var objective = model.Solver.Objective();
        var realBounds = model.Options.OnlyRealBounds;

        foreach (var option in network.Options)
        {
            if (buildObjective && model.Build.TryGetValue(option.Id, out var y))
                objective.SetCoefficient(y, (CostCoefficients.AnnualisedCapex(network, option) + option.FixedOmUsdPerYear) * factor);
        }

        foreach (var layer in model.Layers)
        {
            foreach (var arc in model.Graph.Arcs)
            {
                if (model.Flow[layer.Index, arc.Index] is not { } x)
                    continue;
                x.SetUb(realBounds ? double.PositiveInfinity : layer.Volume);
                objective.SetCoefficient(x, CostCoefficients.ArcCost(network, arc, layer.Commodity).Total * factor);
            }

            foreach (var injection in model.Injections[layer.Index])
            {
                var supplied = network.Node(injection.Mine).Supplies.Where(s => s.Commodity == layer.Commodity).Sum(s => s.TonnesPerYear);
                injection.Variable.SetUb(realBounds ? double.PositiveInfinity : Math.Min(supplied, layer.Volume));
            }
        }

        foreach (var flowClass in model.Classes)
        {
            foreach (var absorption in model.Absorptions[flowClass.Index])
                absorption.Variable.SetUb(realBounds ? double.PositiveInfinity : flowClass.Volume);
            var upper = realBounds ? flowClass.Demand.MaxTpy ?? double.PositiveInfinity : flowClass.Volume;
            var delivered = model.Delivered[flowClass.Index];
            SetBounds(delivered, flowClass.Demand.MinTpy, Math.Max(flowClass.Demand.MinTpy, upper));
            objective.SetCoefficient(delivered, flowClass.Demand.PriceUsdPerTonne is { } price && price != 0 ? -price * factor : 0);
        }

        foreach (var ((mine, commodity), v) in model.Unshipped)
            v.SetUb(network.Node(mine).Supplies.Where(s => s.Commodity == commodity).Sum(s => s.TonnesPerYear));
        foreach (var ((mine, commodity), row) in model.SupplyRows)
        {
            var tonnes = network.Node(mine).Supplies.First(s => s.Commodity == commodity).TonnesPerYear;
            SetBounds(row, tonnes, tonnes);
        }

        foreach (var capacity in model.CapacityRows)
            Refit(model, capacity);
        foreach (var gate in model.DownstreamGates)
            gate.Row.SetCoefficient(gate.Build, -DownstreamGateRows.Bound(model, model.Graph.Arcs[gate.InArc], model.Graph.Arcs[gate.OutArc], model.Layers[gate.Layer], gate.DeadEndMarket));

        if (network.Metadata.CapexBudgetUsd is { } budget && model.Solver.LookupConstraintOrNull(model.Name("capexBudget")) is { } budgetRow)
        {
            budgetRow.SetUb(budget);
            foreach (var option in network.Options)
                budgetRow.SetCoefficient(model.Build[option.Id], option.CapexUsd);
        }
    }

    private static void Refit(OptimisationModel model, CapacityRow capacity)
    {
        var row = capacity.Row;
        if (capacity.Kind == BottleneckKind.Port)
        {
            var port = model.Network.Node(new NodeId(capacity.Element));
            row.SetUb(port.Port?.ThroughputCapacityTpy ?? double.PositiveInfinity);
            foreach (var (option, added) in model.PortIncrements(port.Id))
                row.SetCoefficient(model.Build[option.Id], -added);
            return;
        }

        var link = model.Network.Link(new LinkId(capacity.Element));
        if (capacity.Builder is { } builder)
        {
            row.SetCoefficient(builder, -(link.CapacityTpy ?? model.TotalSupply));
            if (link.CapacityTpy is null)
                return;
        }
        else
        {
            row.SetUb(link.CapacityTpy ?? double.PositiveInfinity);
        }

        foreach (var (option, added) in model.LinkIncrements(link.Id))
            row.SetCoefficient(model.Build[option.Id], -added);
    }

    /// <summary>
    /// New bounds in an order that never crosses them on the way (lower above the old upper): OR-Tools passes each
    /// change to SCIP in place, and a crossed pair puts SCIP in an error state.
    /// </summary>
    public static void SetBounds(Variable variable, double lower, double upper)
    {
        if (lower > variable.Ub())
        {
            variable.SetUb(upper);
            variable.SetLb(lower);
        }
        else
        {
            variable.SetLb(lower);
            variable.SetUb(upper);
        }
    }

    /// <inheritdoc cref="SetBounds(Variable, double, double)"/>
    public static void SetBounds(Constraint row, double lower, double upper)
    {
        if (lower > row.Ub())
        {
            row.SetUb(upper);
            row.SetLb(lower);
        }
        else
        {
            row.SetLb(lower);
            row.SetUb(upper);
        }
    }

    /// <summary>True when the model's rows that hold figures are all ones this class refits (no optional tightenings, no slacks).</summary>
    public static bool Covers(OptimisationModel model) =>
        !model.Options.Elastic && !(model.Options.TightenBuiltLinks && model.RowsByFamily.GetValueOrDefault("builtLinkGate") > 0);
}
