using System.Collections.Immutable;

using Google.OrTools.LinearSolver;

using Logistics.Network.Model;
using Logistics.Optimisation.Model;

namespace Logistics.Optimisation.Solving;

/// <summary>
/// Shadow prices (docs/model.md, "Prices"): fix every option at its chosen value, solve the LP that is left with GLOP
/// and read the duals of the capacity, supply and delivery rows. OR-Tools reports a minimisation's dual as the change
/// of the objective per unit more right-hand side; the report turns capacity duals into a positive value of capacity.
/// </summary>
internal static class PriceCalculator
{
    public const string Note = "Conditional on the builds: shadow prices of the linear programme with every option fixed at its chosen value; another set of builds gives other prices.";

    /// <summary>
    /// Solves the fixed-build LP (also for an LP answer: the price LP drops the implied volume bounds, which make the
    /// duals degenerate); null when GLOP does not prove it optimal (numerical trouble, or the time limit).
    /// </summary>
    /// <param name="solved">The model the builds came from, when it was built for <paramref name="network"/>: its graph, classes and layers are reused.</param>
    public static PriceReport? ForBuilds(NetworkSnapshot network, IReadOnlyDictionary<OptionId, bool> built, ModelOptions options, TimeSpan? timeLimit, OptimisationModel? solved = null)
    {
        using var solver = Solver.CreateSolver("GLOP");
        if (solver is null)
            return null;
        var priceOptions = options with { Elastic = false, OnlyRealBounds = true };
        var model = solved is not null && ReferenceEquals(solved.Network, network)
            ? ModelBuilder.Build(solved, solver, integerBuilds: false, priceOptions)
            : ModelBuilder.Build(network, solver, integerBuilds: false, priceOptions);
        model.FixFreeBuilds(id => built.GetValueOrDefault(id));

        // The user's time limit applies to the price LP too (on national-scale networks it can take as long as the MIP).
        if (timeLimit is { } limit)
            solver.SetTimeLimit((long)Math.Max(1, limit.TotalMilliseconds));
        return solver.Solve() == Solver.ResultStatus.OPTIMAL ? FromSolvedLp(model) : null;
    }

    /// <summary>Reads prices from a model already solved as an LP (every option fixed).</summary>
    private static PriceReport FromSolvedLp(OptimisationModel model)
    {
        var values = new SolutionValues(model);
        var raw = new List<ShadowPrice>();

        void Raw(Constraint row)
        {
            var dual = SolutionValues.Clean(row.DualValue());
            if (dual != 0)
                raw.Add(new ShadowPrice(row.Name(), dual));
        }

        var capacities = new List<CapacityPrice>();
        foreach (var c in model.CapacityRows)
        {
            Raw(c.Row);
            double? capacity;
            if (c.Kind == BottleneckKind.Port)
            {
                capacity = FlowReporter.PortCapacity(values, model.Network.Node(new NodeId(c.Element)));
            }
            else
            {
                var link = model.Network.Link(new LinkId(c.Element));
                if (!values.LinkExists(link))
                    continue; // An unbuilt link has no capacity to price.
                capacity = FlowReporter.LinkCapacity(values, link);
            }

            // Unlimited, or zero (a closed port): nothing to price, and a zero row at zero flow only has degenerate duals.
            if (capacity is not { } cap || cap <= 0)
                continue;
            var used = c.Arcs.Sum(values.ArcTotal);
            if (used < cap - (SolutionValues.Tolerance * Math.Max(1, cap)))
                continue;
            capacities.Add(new CapacityPrice(c.Kind, c.Element, c.Direction, cap, used, SolutionValues.Clean(-c.Row.DualValue())));
        }

        var gates = new List<MineGatePrice>();
        foreach (var ((mine, commodity), row) in model.SupplyRows)
        {
            Raw(row);
            gates.Add(new MineGatePrice(mine, commodity, SolutionValues.Clean(row.DualValue())));
        }

        var gateByKey = gates.ToDictionary(g => (g.Mine, g.Commodity), g => g.UsdPerTonne);
        var markets = new List<MarketPrice>();
        foreach (var flowClass in model.Classes)
        {
            var row = model.DeliverRows[flowClass.Index];
            Raw(row);
            var dual = SolutionValues.Clean(row.DualValue());

            // Mines that ship this class: the cheapest of their gate prices plus the delivery dual is the marginal delivered cost.
            var shipping = MinesShipping(values, flowClass)
                .Select(mine => gateByKey.GetValueOrDefault((mine, flowClass.Commodity)))
                .ToList();
            double? delivered = shipping.Count == 0 ? null : SolutionValues.Clean(dual + shipping.Min());
            markets.Add(new MarketPrice(flowClass.Commodity, flowClass.Market, dual, delivered));
        }

        return new PriceReport([.. raw.OrderBy(p => p.Constraint, StringComparer.Ordinal)])
        {
            Note = Note,
            Capacities = [.. capacities.OrderBy(c => c.Kind).ThenBy(c => c.ElementId, StringComparer.Ordinal).ThenBy(c => c.Direction)],
            Markets = [.. markets.OrderBy(m => m.Commodity).ThenBy(m => m.Market)],
            MineGates = [.. gates],
        };
    }

    /// <summary>
    /// Mines whose cargo reaches the class's market: walking back from the market over the arcs of the class's layer
    /// that carry cargo, the mines that load some at a sub-node reached. (In a layer shared by several markets a mine's
    /// injection alone does not say where its cargo goes.)
    /// </summary>
    private static IEnumerable<NodeId> MinesShipping(SolutionValues values, FlowClass flowClass)
    {
        var model = values.Model;
        var layer = model.LayerOf(flowClass).Index;
        var reached = new bool[model.Graph.SubNodes.Length];
        var pending = new Stack<int>();
        var absorptions = model.Absorptions[flowClass.Index];
        for (var i = 0; i < absorptions.Count; i++)
        {
            if (values.Absorbed[flowClass.Index][i] > 0 && !reached[absorptions[i].SubNode])
            {
                reached[absorptions[i].SubNode] = true;
                pending.Push(absorptions[i].SubNode);
            }
        }

        while (pending.Count > 0)
        {
            foreach (var arc in model.Graph.Incoming[pending.Pop()])
            {
                if (values.Flow[layer, arc.Index] > 0 && !reached[arc.From])
                {
                    reached[arc.From] = true;
                    pending.Push(arc.From);
                }
            }
        }

        var injections = model.Injections[layer];
        return injections.Where((injection, i) => values.Injected[layer][i] > 0 && reached[injection.SubNode]).Select(injection => injection.Mine).Distinct();
    }
}
