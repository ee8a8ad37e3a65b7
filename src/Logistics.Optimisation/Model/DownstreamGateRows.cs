using Google.OrTools.LinearSolver;

using Logistics.Network.Model;

namespace Logistics.Optimisation.Model;

/// <summary>
/// One downstream gate: a flow layer on a link arc leaving a node whose only inflow is one option-built link arc.
/// Held as indices, so a rebound model recomputes the bound from its own figures (<see cref="ModelRefit"/>).
/// </summary>
internal sealed record DownstreamGate(Constraint Row, Variable Build, int InArc, int OutArc, int Layer, bool DeadEndMarket);

/// <summary>
/// The downstream gates of the design model (docs/model.md, "Downstream gates"): at a node v with no supply whose only
/// inbound link arc a is built by an option (build variable y), every flow layer g on every link arc l leaving v gets
/// x_gl ≤ U_gl · y. Facility location in a planner's network file is exactly this shape (plant → warehouse built by
/// an option, warehouse → customer unbuilt), and the rows are its textbook x_ij ≤ d_j y_i, which the aggregated
/// capacity row Σ_j x_ij ≤ s_i y_i leaves out.
/// <para>
/// Why they are valid for every integer plan: sum the conservation rows of v's sub-nodes for layer g. Transfer arcs
/// cancel, v injects nothing (no supply) and its markets only absorb, so Σ_{l leaving v} x_gl ≤ x_ga. If y = 0, the
/// capacity row of a (Σ_g x_ga ≤ M·y, M its capacity or total supply, and no increments of other options may add to it:
/// such links do not qualify) makes every x_ga = 0, hence x_gl = 0. If y = 1, U_gl is a bound every feasible solution
/// already meets: M (the same capacity row), the layer's volume (the variable's bound), l's capacity plus every
/// increment on it (l's capacity row), and, when l's head is a market with no link leaving it, what that market can
/// take of the layer (Σ of its delivered bounds: all that enters it is absorbed there).
/// </para>
/// Left out of elastic models (an overrun on a, or a shortfall slack, breaks the argument) and of the price LP
/// (<see cref="ModelOptions.OnlyRealBounds"/>: it has neither the volume bounds nor any use for the rows, and extra
/// rows at the optimum would move its duals).
/// </summary>
internal static class DownstreamGateRows
{
    /// <summary>
    /// The rows to add, by node id, then out arc, then layer: chosen by shape only, never by figures, so a refitted
    /// model has the rows a fresh build would. <c>DeadEndMarket</c>: the out arc's head is a market no link leaves.
    /// </summary>
    public static IEnumerable<(Arc In, Arc Out, FlowLayer Layer, Variable Build, bool DeadEndMarket)> Candidates(OptimisationModel model)
    {
        var inbound = new Dictionary<NodeId, (int Count, Arc Arc)>();
        var outbound = new Dictionary<NodeId, List<Arc>>();
        foreach (var arc in model.Graph.Arcs)
        {
            if (arc.Kind != ArcKind.Link)
                continue;
            inbound[arc.ToNode] = inbound.TryGetValue(arc.ToNode, out var seen) ? (seen.Count + 1, seen.Arc) : (1, arc);
            if (!outbound.TryGetValue(arc.FromNode, out var list))
                outbound[arc.FromNode] = list = [];
            list.Add(arc);
        }

        foreach (var node in model.Network.Nodes)
        {
            if (!inbound.TryGetValue(node.Id, out var entry) || entry.Count != 1 || !outbound.TryGetValue(node.Id, out var leaving))
                continue;
            if (!node.Supplies.IsDefault && node.Supplies.Length > 0)
                continue;
            var inArc = entry.Arc;
            var inLink = inArc.Link!;
            if (model.Builder(inLink) is not { } build)
                continue;
            if (inLink.CapacityTpy is not null && model.LinkIncrements(inLink.Id).Any())
                continue;
            foreach (var outArc in leaving)
            {
                if (outArc.Link!.Id == inLink.Id)
                    continue; // The inbound link's own reverse: its capacity row already gates it.
                var deadEndMarket = model.Network.Node(outArc.ToNode).Kind == NodeKind.Market && !outbound.ContainsKey(outArc.ToNode);
                foreach (var layer in model.Layers)
                {
                    if (model.Flow[layer.Index, outArc.Index] is not null && model.Flow[layer.Index, inArc.Index] is not null)
                        yield return (inArc, outArc, layer, build, deadEndMarket);
                }
            }
        }
    }

    /// <summary>U_gl: the tightest of the bounds the class comment proves, from the model's current figures.</summary>
    public static double Bound(OptimisationModel model, Arc inArc, Arc outArc, FlowLayer layer, bool deadEndMarket)
    {
        var bound = Math.Min(inArc.Link!.CapacityTpy ?? model.TotalSupply, layer.Volume);
        var outLink = outArc.Link!;
        if (outLink.CapacityTpy is { } capacity)
            bound = Math.Min(bound, capacity + model.LinkIncrements(outLink.Id).Sum(i => i.Added));
        if (deadEndMarket)
        {
            // All that enters the market is absorbed there, by the layer's classes of that market, each within its delivered bounds.
            var absorbed = 0.0;
            foreach (var flowClass in layer.Classes)
            {
                if (flowClass.Market == outArc.ToNode)
                    absorbed += Math.Max(flowClass.Demand.MinTpy, flowClass.Volume);
            }

            bound = Math.Min(bound, absorbed);
        }

        return bound;
    }
}
