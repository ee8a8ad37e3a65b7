using System.Collections.Immutable;

using Logistics.Optimisation.Model;

namespace Logistics.Optimisation.Solving;

/// <summary>
/// Recomputes the objective from the extracted solution, line by line (category × commodity, capex and O&amp;M in the
/// shared bucket), and checks it against the solver's objective.
/// </summary>
internal static class CostAccountant
{
    /// <summary>Relative tolerance of the reconciliation check, against the larger of |objective| and the gross cost.</summary>
    public const double RelativeTolerance = 1e-6;

    public static CostBreakdown Account(SolutionValues values)
    {
        var model = values.Model;
        var network = model.Network;
        var lines = new SortedDictionary<(CostCategory Category, string Bucket), double>(Comparer<(CostCategory Category, string Bucket)>.Create(
            (a, b) => a.Category != b.Category ? a.Category.CompareTo(b.Category) : string.CompareOrdinal(a.Bucket, b.Bucket)));

        void Add(CostCategory category, string bucket, double amount)
        {
            if (amount != 0)
                lines[(category, bucket)] = lines.GetValueOrDefault((category, bucket)) + amount;
        }

        foreach (var option in network.Options.Where(o => values.IsBuilt(o.Id)))
        {
            Add(CostCategory.AnnualisedCapex, CostBreakdown.SharedBucket, CostCoefficients.AnnualisedCapex(network, option));
            Add(CostCategory.FixedOm, CostBreakdown.SharedBucket, option.FixedOmUsdPerYear);
        }

        foreach (var layer in model.Layers)
        {
            var bucket = layer.Commodity.Value;
            foreach (var arc in model.Graph.Arcs)
            {
                var tonnes = values.Flow[layer.Index, arc.Index];
                if (tonnes == 0)
                    continue;
                var cost = CostCoefficients.ArcCost(network, arc, layer.Commodity);
                Add(CostCategory.Transport, bucket, tonnes * cost.Transport);
                Add(CostCategory.PortHandling, bucket, tonnes * cost.Handling);
                Add(CostCategory.Transhipment, bucket, tonnes * cost.Transhipment);
                Add(CostCategory.InTransitCapital, bucket, tonnes * cost.InTransitCapital);
                Add(CostCategory.Risk, bucket, tonnes * cost.Risk);
            }

            foreach (var flowClass in layer.Classes)
            {
                if (flowClass.Demand.PriceUsdPerTonne is { } price)
                    Add(CostCategory.Revenue, bucket, -price * values.Delivered[flowClass.Index]);
            }
        }

        var built = lines.Select(l => new CostLine(l.Key.Category, l.Key.Bucket, l.Value)).ToImmutableArray();
        return new CostBreakdown(built, built.Sum(l => l.UsdPerYear));
    }

    /// <summary>Throws <see cref="CostReconciliationException"/> when the breakdown and the solver's objective disagree.</summary>
    public static void Reconcile(CostBreakdown costs, double solverObjective)
    {
        var gross = costs.Lines.Sum(l => Math.Abs(l.UsdPerYear));
        var scale = Math.Max(1, Math.Max(Math.Abs(solverObjective), gross));
        if (Math.Abs(costs.Total - solverObjective) > RelativeTolerance * scale)
            throw new CostReconciliationException(solverObjective, costs.Total);
    }
}
