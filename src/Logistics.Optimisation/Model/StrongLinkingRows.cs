using Google.OrTools.LinearSolver;

namespace Logistics.Optimisation.Model;

/// <summary>One strong linking inequality: flow ≤ <see cref="Bound"/> × build, for one layer on one option-built arc.</summary>
internal readonly record struct StrongLinkingRow(Variable Flow, Variable Build, double Bound, Arc Arc, FlowLayer Layer);

/// <summary>
/// The strong linking inequalities of the design model (docs/model.md, "Strong linking"): on an arc an option builds,
/// a flow layer carries at most min(its volume, the arc's capacity) times the build variable. Valid for every integer
/// plan, and much tighter than the capacity row in the LP relaxation when a layer is small against the capacity.
/// </summary>
internal static class StrongLinkingRows
{
    /// <param name="onlyWhereTighter">Leave out rows the capacity row already implies: with no capacity increments, a
    /// layer whose volume reaches the capacity row's coefficient of the build variable gains nothing (x ≤ Σx ≤ M·y).</param>
    public static IEnumerable<StrongLinkingRow> Candidates(OptimisationModel model, bool onlyWhereTighter)
    {
        foreach (var arc in model.Graph.Arcs)
        {
            if (arc.Link is not { } link || model.Builder(link) is not { } builder)
                continue;
            var increments = model.LinkIncrements(link.Id).Sum(i => i.Added);
            var capacity = link.CapacityTpy is { } c ? c + increments : double.PositiveInfinity;
            // The capacity row's coefficient of the builder (LinkCapacity): the link's own capacity, or all supply when unlimited.
            var bigM = link.CapacityTpy ?? model.TotalSupply;
            foreach (var layer in model.Layers)
            {
                if (model.Flow[layer.Index, arc.Index] is not { } x)
                    continue;
                var bound = Math.Min(layer.Volume, capacity);
                if (double.IsInfinity(bound))
                    continue;
                if (onlyWhereTighter && increments == 0 && bound >= bigM)
                    continue;
                yield return new StrongLinkingRow(x, builder, bound, arc, layer);
            }
        }
    }
}
