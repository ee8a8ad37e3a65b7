using System.Collections.Immutable;

using Google.OrTools.LinearSolver;

using Logistics.Network.Model;

namespace Logistics.Optimisation.Model;

/// <summary>One family of variables or constraints: adds itself to the model and says what it means.</summary>
internal abstract class ModelFamily
{
    public abstract ModelFamilyInfo Info { get; }

    public abstract void Add(OptimisationModel model);
}

/// <summary>Builds the model in small named steps, one <see cref="ModelFamily"/> each, in a fixed order (variables first).</summary>
internal static class ModelBuilder
{
    public static ImmutableArray<ModelFamily> Families { get; } =
    [
        new BuildVariables(),
        new FlowVariables(),
        new InjectionVariables(),
        new AbsorptionVariables(),
        new DeliveredVariables(),
        new UnshippedVariables(),
        new FlowConservation(),
        new MineSupply(),
        new MarketDelivery(),
        new LinkCapacity(),
        new BuiltLinkGate(),
        new DownstreamGateFamily(),
        new PortCapacity(),
        new OptionRequires(),
        new OptionExcludes(),
        new CapexBudget(),
        new AvoidThrough(),
        new ModeBan(),
    ];

    public static OptimisationModel Build(NetworkSnapshot network, Solver solver, bool integerBuilds, ModelOptions? options = null) =>
        AddFamilies(new OptimisationModel(network, solver, integerBuilds, options ?? ModelOptions.Default));

    /// <summary>A second model of a snapshot another model was built for, reusing its graph, classes and layers.</summary>
    public static OptimisationModel Build(OptimisationModel sameNetwork, Solver solver, bool integerBuilds, ModelOptions options) =>
        AddFamilies(new OptimisationModel(sameNetwork, solver, integerBuilds, options));

    private static OptimisationModel AddFamilies(OptimisationModel model)
    {
        model.Solver.Objective().SetMinimization();
        foreach (var family in Families)
            family.Add(model);
        return model;
    }
}

/// <summary>build[option]: 1 when the option is built; charged annualised capex and fixed O&amp;M.</summary>
internal sealed class BuildVariables : ModelFamily
{
    public override ModelFamilyInfo Info { get; } = new("build", ModelFamilyKind.Variables, "build[OPTION]",
        "1 when the investment option is built (fixed to 1 or 0 when a scenario forces it), charging its annualised capex and fixed O&M.");

    public override void Add(OptimisationModel model)
    {
        foreach (var option in model.Network.Options)
        {
            var (lower, upper) = option.Decision switch
            {
                BuildDecision.ForcedIn => (1.0, 1.0),
                BuildDecision.ForcedOut => (0.0, 0.0),
                _ => (0.0, 1.0),
            };
            var name = model.Name($"build[{option.Id}]");
            var y = model.IntegerBuilds ? model.Solver.MakeIntVar(lower, upper, name) : model.Solver.MakeNumVar(lower, upper, name);
            model.Build[option.Id] = y;
            var yearly = CostCoefficients.AnnualisedCapex(model.Network, option) + option.FixedOmUsdPerYear;
            model.Solver.Objective().SetCoefficient(y, yearly);
        }
    }
}

/// <summary>flow[class][arc]: tonnes per year of a class on a link direction or a mode transfer.</summary>
internal sealed class FlowVariables : ModelFamily
{
    public override ModelFamilyInfo Info { get; } = new("flow", ModelFamilyKind.Variables, "flow[LAYER][LINK:fwd|rev] and flow[LAYER][NODE:MODE>MODE] (LAYER = COMMODITY, or COMMODITY>MARKET for a market of its own)",
        "Tonnes per year of one flow layer (a commodity, or a commodity bound for one market a rule names) on one link direction (charged tariffs, risk, capital in transit and port handling on entering a port) or changing mode at a node (charged transhipment).");

    public override void Add(OptimisationModel model)
    {
        var objective = model.Solver.Objective();
        foreach (var layer in model.Layers)
        {
            foreach (var arc in model.Graph.Arcs)
            {
                // A link that does not allow the commodity gets no variable at all: the layer cannot use it.
                if (arc.Link is { } link && !link.Allows(layer.Commodity))
                    continue;
                // Bounded by the layer's volume: no layer can move more than is supplied, and finite bounds help every backend.
                var x = model.Solver.MakeNumVar(0, model.Options.OnlyRealBounds ? double.PositiveInfinity : layer.Volume, model.Name($"flow[{layer.Key}][{arc.Key}]"));
                model.Flow[layer.Index, arc.Index] = x;
                var cost = CostCoefficients.ArcCost(model.Network, arc, layer.Commodity).Total;
                if (cost != 0)
                    objective.SetCoefficient(x, cost);
            }
        }
    }
}

/// <summary>inject[class][mine:mode]: tonnes a mine puts into one mode layer for one class (free).</summary>
internal sealed class InjectionVariables : ModelFamily
{
    public override ModelFamilyInfo Info { get; } = new("inject", ModelFamilyKind.Variables, "inject[LAYER][MINE:MODE]",
        "Tonnes per year a mine loads for one flow layer onto one mode of transport, at no charge.");

    public override void Add(OptimisationModel model)
    {
        foreach (var layer in model.Layers)
        {
            foreach (var mine in model.Network.NodesOfKind(NodeKind.Mine))
            {
                if (mine.Supplies.IsDefault || !mine.Supplies.Any(s => s.Commodity == layer.Commodity && s.TonnesPerYear > 0))
                    continue;
                var supplied = mine.Supplies.Where(s => s.Commodity == layer.Commodity).Sum(s => s.TonnesPerYear);
                foreach (var sub in model.Graph.SubNodesOf(mine.Id))
                {
                    var v = model.Solver.MakeNumVar(0, model.Options.OnlyRealBounds ? double.PositiveInfinity : Math.Min(supplied, layer.Volume), model.Name($"inject[{layer.Key}][{sub.Key}]"));
                    model.Injections[layer.Index].Add(new Injection(mine.Id, sub.Index, v));
                }
            }
        }
    }
}

/// <summary>absorb[class][market:mode]: tonnes the class's market takes from one mode layer.</summary>
internal sealed class AbsorptionVariables : ModelFamily
{
    public override ModelFamilyInfo Info { get; } = new("absorb", ModelFamilyKind.Variables, "absorb[COMMODITY>MARKET][MARKET:MODE]",
        "Tonnes per year the market of a flow class unloads from one mode of transport, out of the class's flow layer, at no charge.");

    public override void Add(OptimisationModel model)
    {
        foreach (var flowClass in model.Classes)
        {
            foreach (var sub in model.Graph.SubNodesOf(flowClass.Market))
            {
                var v = model.Solver.MakeNumVar(0, model.Options.OnlyRealBounds ? double.PositiveInfinity : flowClass.Volume, model.Name($"absorb[{flowClass.Key}][{sub.Key}]"));
                model.Absorptions[flowClass.Index].Add(new Absorption(sub.Index, v));
            }
        }
    }
}

/// <summary>delivered[class]: tonnes delivered, within the market's bounds; earns the price when there is one.</summary>
internal sealed class DeliveredVariables : ModelFamily
{
    public override ModelFamilyInfo Info { get; } = new("delivered", ModelFamilyKind.Variables, "delivered[COMMODITY>MARKET]",
        "Tonnes per year delivered of one flow class, bounded by the market's minimum and maximum and earning its price when it has one.");

    public override void Add(OptimisationModel model)
    {
        foreach (var flowClass in model.Classes)
        {
            // Upper bound: the market's maximum, or all the commodity there is. A minimum above that leaves the model infeasible, as it should.
            var upper = model.Options.OnlyRealBounds ? flowClass.Demand.MaxTpy ?? double.PositiveInfinity : flowClass.Volume;
            var v = model.Solver.MakeNumVar(flowClass.Demand.MinTpy, Math.Max(flowClass.Demand.MinTpy, upper), model.Name($"delivered[{flowClass.Key}]"));
            model.Delivered[flowClass.Index] = v;
            if (flowClass.Demand.PriceUsdPerTonne is { } price && price != 0)
                model.Solver.Objective().SetCoefficient(v, -price);
        }
    }
}

/// <summary>unshipped[mine][commodity]: output a mine leaves at the mine, where it allows that.</summary>
internal sealed class UnshippedVariables : ModelFamily
{
    public override ModelFamilyInfo Info { get; } = new("unshipped", ModelFamilyKind.Variables, "unshipped[MINE][COMMODITY]",
        "Tonnes per year a mine that allows it leaves unshipped; it costs nothing and earns nothing.");

    public override void Add(OptimisationModel model)
    {
        foreach (var mine in model.Network.NodesOfKind(NodeKind.Mine))
        {
            if (mine.Supplies.IsDefault)
                continue;
            foreach (var supply in mine.Supplies.Where(s => s.AllowUnshipped).OrderBy(s => s.Commodity))
                model.Unshipped[(mine.Id, supply.Commodity)] = model.Solver.MakeNumVar(0, supply.TonnesPerYear, model.Name($"unshipped[{mine.Id}][{supply.Commodity}]"));
        }
    }
}

/// <summary>conserve[class][node:mode]: what enters a sub-node equals what leaves it.</summary>
internal sealed class FlowConservation : ModelFamily
{
    public override ModelFamilyInfo Info { get; } = new("conserve", ModelFamilyKind.Constraints, "conserve[LAYER][NODE:MODE]",
        "For each flow layer at each node and mode, tonnes arriving plus tonnes loaded by a mine equal tonnes leaving plus tonnes unloaded by the layer's markets.");

    public override void Add(OptimisationModel model)
    {
        var rows = new Constraint[model.Graph.SubNodes.Length];
        foreach (var layer in model.Layers)
        {
            foreach (var sub in model.Graph.SubNodes)
                rows[sub.Index] = model.AddRow(Info.Name, $"conserve[{layer.Key}][{sub.Key}]", 0, 0);
            foreach (var arc in model.Graph.Arcs)
            {
                if (model.Flow[layer.Index, arc.Index] is not { } x)
                    continue;
                rows[arc.To].SetCoefficient(x, 1);
                rows[arc.From].SetCoefficient(x, -1);
            }

            foreach (var injection in model.Injections[layer.Index])
                rows[injection.SubNode].SetCoefficient(injection.Variable, 1);
            foreach (var flowClass in layer.Classes)
            {
                foreach (var absorption in model.Absorptions[flowClass.Index])
                    rows[absorption.SubNode].SetCoefficient(absorption.Variable, -1);
            }
        }
    }
}

/// <summary>supply[mine][commodity]: a mine ships its output (all of it unless it allows unshipped tonnes).</summary>
internal sealed class MineSupply : ModelFamily
{
    public override ModelFamilyInfo Info { get; } = new("supply", ModelFamilyKind.Constraints, "supply[MINE][COMMODITY]",
        "Tonnes a mine loads of a commodity, over all markets and modes, plus any tonnes it may leave unshipped, equal its yearly output.");

    public override void Add(OptimisationModel model)
    {
        foreach (var mine in model.Network.NodesOfKind(NodeKind.Mine))
        {
            if (mine.Supplies.IsDefault)
                continue;
            foreach (var supply in mine.Supplies.OrderBy(s => s.Commodity))
            {
                var row = model.AddRow(Info.Name, $"supply[{mine.Id}][{supply.Commodity}]", supply.TonnesPerYear, supply.TonnesPerYear);
                foreach (var layer in model.Layers.Where(l => l.Commodity == supply.Commodity))
                {
                    foreach (var injection in model.Injections[layer.Index].Where(i => i.Mine == mine.Id))
                        row.SetCoefficient(injection.Variable, 1);
                }

                if (model.Unshipped.TryGetValue((mine.Id, supply.Commodity), out var unshipped))
                    row.SetCoefficient(unshipped, 1);
                model.SupplyRows[(mine.Id, supply.Commodity)] = row;
                model.Relax(row, 1, SlackKind.SupplyUnshipped, s => s with { Node = mine.Id, Commodity = supply.Commodity });
            }
        }
    }
}

/// <summary>deliver[class]: tonnes delivered equal tonnes the market unloads.</summary>
internal sealed class MarketDelivery : ModelFamily
{
    public override ModelFamilyInfo Info { get; } = new("deliver", ModelFamilyKind.Constraints, "deliver[COMMODITY>MARKET]",
        "Tonnes delivered of a flow class equal the tonnes its market unloads from every mode; the market's bounds sit on the delivered variable.");

    public override void Add(OptimisationModel model)
    {
        foreach (var flowClass in model.Classes)
        {
            var row = model.AddRow(Info.Name, $"deliver[{flowClass.Key}]", 0, 0);
            row.SetCoefficient(model.Delivered[flowClass.Index], -1);
            foreach (var absorption in model.Absorptions[flowClass.Index])
                row.SetCoefficient(absorption.Variable, 1);
            model.DeliverRows.Add(row);

            // Elastic: phantom tonnes that count as delivered, so a minimum above what can arrive is a shortfall, not infeasible.
            if (flowClass.Demand.MinTpy > 0)
                model.Relax(row, 1, SlackKind.DemandShortfall, s => s with { Node = flowClass.Market, Commodity = flowClass.Commodity, Class = flowClass });
        }
    }
}

/// <summary>linkCapacity[link:dir] or linkCapacity[link] (shared pool): all classes together within capacity plus built increments.</summary>
internal sealed class LinkCapacity : ModelFamily
{
    public override ModelFamilyInfo Info { get; } = new("linkCapacity", ModelFamilyKind.Constraints, "linkCapacity[LINK:fwd|rev] (per direction) or linkCapacity[LINK] (shared single track)",
        "Tonnes of all classes on a link direction (or on both directions of a shared single-track link) stay within its capacity plus the increments of built options; a link an option builds carries nothing unless that option is built.");

    public override void Add(OptimisationModel model)
    {
        foreach (var link in model.Network.Links)
        {
            var arcs = model.Graph.ArcsOf(link.Id).ToList();
            if (arcs.Count == 0)
                continue;
            var shared = link.Direction == LinkDirection.BothWays && link.Sharing == CapacitySharing.SharedBothWays;
            var pools = shared ? [arcs] : arcs.Select(a => new List<Arc> { a }).ToList();
            foreach (var pool in pools)
                AddPool(model, link, pool, shared ? $"linkCapacity[{link.Id}]" : $"linkCapacity[{pool[0].Key}]", shared ? null : pool[0].Travel);
        }
    }

    private void AddPool(OptimisationModel model, Link link, List<Arc> pool, string name, LinkTravel? direction)
    {
        var builder = model.Builder(link);
        if (link.CapacityTpy is null && builder is null)
            return; // Unlimited, and exists today: nothing to bound.

        Constraint row;
        if (builder is not null)
        {
            // Capacity exists only when built: flow − (capacity)·y_b − Σ increments·y_o ≤ 0.
            row = model.AddRow(Info.Name, name, double.NegativeInfinity, 0);
            row.SetCoefficient(builder, -(link.CapacityTpy ?? model.TotalSupply));
            if (link.CapacityTpy is not null)
            {
                foreach (var (option, added) in model.LinkIncrements(link.Id))
                    row.SetCoefficient(model.Build[option.Id], -added);
            }
        }
        else
        {
            row = model.AddRow(Info.Name, name, double.NegativeInfinity, link.CapacityTpy!.Value);
            foreach (var (option, added) in model.LinkIncrements(link.Id))
                row.SetCoefficient(model.Build[option.Id], -added);
        }

        foreach (var arc in pool)
        {
            foreach (var layer in model.Layers)
            {
                if (model.Flow[layer.Index, arc.Index] is { } x)
                    row.SetCoefficient(x, 1);
            }
        }

        model.CapacityRows.Add(new CapacityRow(BottleneckKind.Link, link.Id.Value, direction, row, builder, [.. pool]));
        model.Relax(row, -1, SlackKind.LinkOverrun, s => s with { Link = link, Direction = direction, Arcs = [.. pool] });
    }
}

/// <summary>builtLinkGate[class][link:dir]: a cheap tightening of the big-M on option-built links, per class.</summary>
internal sealed class BuiltLinkGate : ModelFamily
{
    public override ModelFamilyInfo Info { get; } = new("builtLinkGate", ModelFamilyKind.Constraints, "builtLinkGate[LAYER][LINK:fwd|rev]",
        "On a link an option builds, each flow layer carries at most the smaller of its own volume and the link's capacity times the build variable (a tightening: it cuts fractional builds without changing integer solutions).");

    public override void Add(OptimisationModel model)
    {
        // Elastic models skip it: an overrun on an unbuilt link must stay possible, and this row would forbid it.
        if (!model.Options.TightenBuiltLinks || model.Options.Elastic)
            return;
        foreach (var (x, builder, bound, arc, layer) in StrongLinkingRows.Candidates(model, model.Options.GateOnlyWhereTighter))
        {
            var row = model.AddRow(Info.Name, $"builtLinkGate[{layer.Key}][{arc.Key}]", double.NegativeInfinity, 0);
            row.SetCoefficient(x, 1);
            row.SetCoefficient(builder, -bound);
        }
    }
}

/// <summary>downstreamGate[layer][link:dir]: flow leaving a node fed only by one option-built link is gated by that option.</summary>
internal sealed class DownstreamGateFamily : ModelFamily
{
    public override ModelFamilyInfo Info { get; } = new("downstreamGate", ModelFamilyKind.Constraints, "downstreamGate[LAYER][LINK:fwd|rev]",
        "At a node with no supply whose only inflow is one link an option builds, each flow layer on each link leaving it carries at most the tightest proven bound (that link's capacity, the layer's volume, the leaving link's capacity, what a dead-end market can take) times the build variable (a tightening: it cuts fractional builds without changing integer solutions).");

    public override void Add(OptimisationModel model)
    {
        // Elastic models may overrun the inbound link; the price LP drops the volume bounds the proof uses and wants no extra rows at the optimum.
        if (!model.Options.DownstreamGates || model.Options.Elastic || model.Options.OnlyRealBounds)
            return;
        foreach (var (inArc, outArc, layer, build, deadEnd) in DownstreamGateRows.Candidates(model))
        {
            var row = model.AddRow(Info.Name, $"downstreamGate[{layer.Key}][{outArc.Key}]", double.NegativeInfinity, 0);
            row.SetCoefficient(model.Flow[layer.Index, outArc.Index]!, 1);
            row.SetCoefficient(build, -DownstreamGateRows.Bound(model, inArc, outArc, layer, deadEnd));
            model.DownstreamGates.Add(new DownstreamGate(row, build, inArc.Index, outArc.Index, layer.Index, deadEnd));
        }
    }
}

/// <summary>portCapacity[port]: tonnes entering a port within its throughput capacity plus built increments.</summary>
internal sealed class PortCapacity : ModelFamily
{
    public override ModelFamilyInfo Info { get; } = new("portCapacity", ModelFamilyKind.Constraints, "portCapacity[PORT]",
        "Tonnes of all classes entering a port node stay within its throughput capacity plus the increments of built options.");

    public override void Add(OptimisationModel model)
    {
        foreach (var port in model.Network.NodesOfKind(NodeKind.Port))
        {
            if (port.Port?.ThroughputCapacityTpy is not { } capacity)
                continue;
            var row = model.AddRow(Info.Name, $"portCapacity[{port.Id}]", double.NegativeInfinity, capacity);
            foreach (var (option, added) in model.PortIncrements(port.Id))
                row.SetCoefficient(model.Build[option.Id], -added);
            var arcs = model.Graph.Arcs.Where(a => a.EntersPort == port.Id).ToImmutableArray();
            foreach (var arc in arcs)
            {
                foreach (var layer in model.Layers)
                {
                    if (model.Flow[layer.Index, arc.Index] is { } x)
                        row.SetCoefficient(x, 1);
                }
            }

            model.CapacityRows.Add(new CapacityRow(BottleneckKind.Port, port.Id.Value, null, row, null, arcs));
            model.Relax(row, -1, SlackKind.PortOverrun, s => s with { Node = port.Id, Arcs = arcs });
        }
    }
}

/// <summary>requires[a][b]: a may be built only if b is.</summary>
internal sealed class OptionRequires : ModelFamily
{
    public override ModelFamilyInfo Info { get; } = new("requires", ModelFamilyKind.Constraints, "requires[A][B]",
        "Option A may be built only if option B is built (y_A ≤ y_B).");

    public override void Add(OptimisationModel model)
    {
        foreach (var option in model.Network.Options)
        {
            if (option.Requires.IsDefault)
                continue;
            foreach (var required in option.Requires.Distinct().OrderBy(r => r))
            {
                if (!model.Build.TryGetValue(required, out var yb))
                    continue;
                var row = model.AddRow(Info.Name, $"requires[{option.Id}][{required}]", double.NegativeInfinity, 0);
                row.SetCoefficient(model.Build[option.Id], 1);
                row.SetCoefficient(yb, -1);
                model.Relax(row, -1, SlackKind.OptionLogic, s => s with { OptionA = option.Id, OptionB = required });
            }
        }
    }
}

/// <summary>excludes[a][b]: at most one of a and b is built.</summary>
internal sealed class OptionExcludes : ModelFamily
{
    public override ModelFamilyInfo Info { get; } = new("excludes", ModelFamilyKind.Constraints, "excludes[A][B] (A before B, ordinal)",
        "At most one of two mutually exclusive options is built (y_A + y_B ≤ 1).");

    public override void Add(OptimisationModel model)
    {
        var pairs = new SortedSet<(OptionId A, OptionId B)>(Comparer<(OptionId A, OptionId B)>.Create(
            (p, q) => p.A.CompareTo(q.A) != 0 ? p.A.CompareTo(q.A) : p.B.CompareTo(q.B)));
        foreach (var option in model.Network.Options)
        {
            if (option.Excludes.IsDefault)
                continue;
            foreach (var other in option.Excludes)
            {
                if (other == option.Id || !model.Build.ContainsKey(other))
                    continue;
                pairs.Add(option.Id.CompareTo(other) < 0 ? (option.Id, other) : (other, option.Id));
            }
        }

        foreach (var (a, b) in pairs)
        {
            var row = model.AddRow(Info.Name, $"excludes[{a}][{b}]", double.NegativeInfinity, 1);
            row.SetCoefficient(model.Build[a], 1);
            row.SetCoefficient(model.Build[b], 1);
            model.Relax(row, -1, SlackKind.OptionLogic, s => s with { OptionA = a, OptionB = b });
        }
    }
}

/// <summary>capexBudget: total capex of built options within the budget.</summary>
internal sealed class CapexBudget : ModelFamily
{
    public override ModelFamilyInfo Info { get; } = new("capexBudget", ModelFamilyKind.Constraints, "capexBudget",
        "The capex of all built options (forced ones included) stays within metadata.capexBudgetUsd.");

    public override void Add(OptimisationModel model)
    {
        if (model.Network.Metadata.CapexBudgetUsd is not { } budget || model.Build.Count == 0)
            return;
        var row = model.AddRow(Info.Name, "capexBudget", double.NegativeInfinity, budget);
        foreach (var option in model.Network.Options)
            row.SetCoefficient(model.Build[option.Id], option.CapexUsd);
        model.Relax(row, -1, SlackKind.BudgetOverrun);
    }
}

/// <summary>avoidThrough[rule][class]: cargo bound for the rule's markets stays off the avoided links and nodes.</summary>
internal sealed class AvoidThrough : ModelFamily
{
    public override ModelFamilyInfo Info { get; } = new("avoidThrough", ModelFamilyKind.Constraints, "avoidThrough[RULE][COMMODITY>MARKET]",
        "Flow classes bound for the rule's markets carry nothing on the avoided links or on any link into or out of the avoided nodes.");

    public override void Add(OptimisationModel model)
    {
        foreach (var rule in model.Network.Rules.OfType<AvoidThroughRule>().Where(r => r.Enabled))
        {
            var markets = rule.Markets.IsDefault ? [] : rule.Markets.ToHashSet();
            var nodes = rule.AvoidNodes.IsDefault ? [] : rule.AvoidNodes.ToHashSet();
            var links = rule.AvoidLinks.IsDefault ? [] : rule.AvoidLinks.ToHashSet();
            var banned = model.Graph.Arcs.Where(a => a.Link is { } l && (links.Contains(l.Id) || nodes.Contains(a.FromNode) || nodes.Contains(a.ToNode))).ToList();
            // Every market the rule names has a layer of its own (FlowLayer.For), so the row binds that market's cargo only.
            foreach (var layer in model.Layers.Where(l => l.Classes.Length == 1 && markets.Contains(l.Classes[0].Market)))
                AddZeroRow(model, Info.Name, $"avoidThrough[{rule.Id}][{layer.Key}]", layer, banned, rule);
        }
    }

    /// <summary>Σ flows of the layer on the arcs ≤ 0: one row per rule and layer, so a diagnosis can name the rule.</summary>
    internal static void AddZeroRow(OptimisationModel model, string family, string name, FlowLayer layer, List<Arc> arcs, PolicyRule rule)
    {
        var used = arcs.Where(a => model.Flow[layer.Index, a.Index] is not null).ToImmutableArray();
        if (used.IsEmpty)
            return;
        var row = model.AddRow(family, name, double.NegativeInfinity, 0);
        foreach (var arc in used)
            row.SetCoefficient(model.Flow[layer.Index, arc.Index]!, 1);
        // Elastic models keep one layer per class, so a violation always names its class.
        var flowClass = layer.Classes.Length == 1 ? layer.Classes[0] : null;
        model.Relax(row, -1, SlackKind.RuleViolation, s => s with { Rule = rule, Class = flowClass, Commodity = layer.Commodity, Node = flowClass?.Market, Arcs = used });
    }
}

/// <summary>modeBan[rule][class]: the banned commodity carries nothing on links of the banned mode.</summary>
internal sealed class ModeBan : ModelFamily
{
    public override ModelFamilyInfo Info { get; } = new("modeBan", ModelFamilyKind.Constraints, "modeBan[RULE][LAYER]",
        "Flow layers of the rule's commodity carry nothing on links of the banned mode.");

    public override void Add(OptimisationModel model)
    {
        foreach (var rule in model.Network.Rules.OfType<ModeBanRule>().Where(r => r.Enabled))
        {
            var banned = model.Graph.Arcs.Where(a => a.Link is { } l && l.Mode == rule.Mode).ToList();
            foreach (var layer in model.Layers.Where(l => l.Commodity == rule.Commodity))
                AvoidThrough.AddZeroRow(model, Info.Name, $"modeBan[{rule.Id}][{layer.Key}]", layer, banned, rule);
        }
    }
}
