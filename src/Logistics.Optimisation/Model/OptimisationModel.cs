using System.Collections.Immutable;

using Google.OrTools.LinearSolver;

using Logistics.Network.Model;

namespace Logistics.Optimisation.Model;

/// <summary>Switches for model variants that benchmarks compare; the defaults are what every solve uses.</summary>
/// <param name="TightenBuiltLinks">Add the per-class <c>builtLinkGate</c> rows on option-built links. Off by default: the
/// benchmarks found them no faster and heavier (docs/benchmarks.md).</param>
/// <param name="Elastic">Give every constraint that can make the model infeasible a penalised slack (the infeasibility diagnosis).</param>
/// <param name="OnlyRealBounds">Leave out the implied upper bounds (class volume on flows, injections, absorptions and
/// deliveries): they never change the answer but, sitting exactly at the optimum, they make the duals degenerate. The
/// price LP uses this.</param>
/// <param name="AggregateClasses">Share one flow layer among the markets of a commodity that no enabled avoid-through rule
/// names (<see cref="FlowLayer"/>). Exact, and about five times fewer variables on networks with five markets. Ignored by
/// the elastic model, which keeps one layer per class so every finding can name the class it is about.</param>
/// <param name="IncumbentStart">Under a time limit, hint a MIP of at least <paramref name="IncumbentStartMinVariables"/>
/// variables with a complete feasible plan from a fixed-build LP (<see cref="Solving.IncumbentStart"/>). Smaller
/// models find a first solution in milliseconds, so they skip the extra LP (and keep their solve path as it was).</param>
/// <param name="IncumbentStartMinVariables">The model size from which the starting solution is worth its LP.</param>
/// <param name="GateOnlyWhereTighter">With <paramref name="TightenBuiltLinks"/>, add only the rows the capacity row does not
/// already imply (<see cref="StrongLinkingRows"/>).</param>
/// <param name="PrimalHeuristics">The starting solution is the best plan of the primal heuristics (<see cref="Solving.Heuristics.PlanSearch"/>).</param>
/// <param name="SeparatedLinkingRows">With the heuristics, add to the MIP the strong linking rows their relaxation separated.</param>
/// <param name="MipNeighbourhood">With the heuristics, improve their best plan by MIP neighbourhoods
/// (<see cref="Solving.Heuristics.RestrictedMip"/>) on models of at least <paramref name="MipNeighbourhoodMinVariables"/> variables,
/// giving the start a larger share of the limit; <see cref="SolverSettings.MipNeighbourhood"/> can switch it off per solve.</param>
/// <param name="MipNeighbourhoodMinVariables">The model size from which the neighbourhoods are worth their time: above the
/// 40-commodity C instances (at most 11,700 variables, proved optimal within 30 s without them), below the 200-commodity ones (46,000).</param>
/// <param name="DownstreamGates">Add the <c>downstreamGate</c> rows (<see cref="DownstreamGateRows"/>) where a node qualifies;
/// on by default (docs/model.md, "Downstream gates"; the measurement is in docs/benchmarks.md).</param>
internal sealed record ModelOptions(
    bool TightenBuiltLinks = false, bool Elastic = false, bool OnlyRealBounds = false, bool AggregateClasses = true, bool IncumbentStart = true,
    int IncumbentStartMinVariables = 10_000, bool GateOnlyWhereTighter = true, bool PrimalHeuristics = true, bool SeparatedLinkingRows = true,
    bool MipNeighbourhood = true, int MipNeighbourhoodMinVariables = 30_000, bool DownstreamGates = true)
{
    public static ModelOptions Default { get; } = new();
}

/// <summary>A mine's injection of one class's cargo into one mode layer.</summary>
internal sealed record Injection(NodeId Mine, int SubNode, Variable Variable);

/// <summary>A market's absorption of one class's cargo from one mode layer.</summary>
internal sealed record Absorption(int SubNode, Variable Variable);

/// <summary>What an elastic slack relaxes (docs/model.md, "Infeasibility diagnosis").</summary>
internal enum SlackKind
{
    /// <summary>Tonnes of a mine's output that do not ship (supply row).</summary>
    SupplyUnshipped,

    /// <summary>Tonnes of a market's minimum that are not delivered (deliver row).</summary>
    DemandShortfall,

    /// <summary>Tonnes above a link direction's (or shared pool's) capacity.</summary>
    LinkOverrun,

    /// <summary>Tonnes above a port's throughput capacity.</summary>
    PortOverrun,

    /// <summary>Tonnes moved against an avoid-through or mode-ban rule.</summary>
    RuleViolation,

    /// <summary>USD of capex above the budget.</summary>
    BudgetOverrun,

    /// <summary>A forced option whose required option is not built, or two excluded options both built.</summary>
    OptionLogic,
}

/// <summary>One penalised slack of the elastic model and the elements its row is about.</summary>
internal sealed record ElasticSlack(SlackKind Kind, Variable Variable, double Weight, string Row)
{
    public Link? Link { get; init; }

    public LinkTravel? Direction { get; init; }

    public NodeId? Node { get; init; }

    public CommodityId? Commodity { get; init; }

    public FlowClass? Class { get; init; }

    public PolicyRule? Rule { get; init; }

    public OptionId? OptionA { get; init; }

    public OptionId? OptionB { get; init; }

    public ImmutableArray<Arc> Arcs { get; init; } = [];
}

/// <summary>A capacity row (a link direction, a shared pool or a port), kept so prices and the diagnosis can read it back.</summary>
/// <param name="Builder">The build variable of the option that builds the link, whose capacity is its coefficient (the row's right-hand side is then 0).</param>
internal sealed record CapacityRow(BottleneckKind Kind, string Element, LinkTravel? Direction, Constraint Row, Variable? Builder, ImmutableArray<Arc> Arcs);

/// <summary>
/// The solver model and the variables of each family, indexed so the extractor can read them back.
/// Built by <see cref="ModelBuilder"/>, one family at a time.
/// </summary>
internal sealed class OptimisationModel
{
    public OptimisationModel(NetworkSnapshot network, Solver solver, bool integerBuilds, ModelOptions options)
        : this(network, solver, integerBuilds, options, null)
    {
    }

    /// <summary>A second model of <paramref name="sameNetwork"/>'s snapshot (the price LP): its graph, classes and layers are reused rather than derived again when the options give the same layers.</summary>
    public OptimisationModel(OptimisationModel sameNetwork, Solver solver, bool integerBuilds, ModelOptions options)
        : this(sameNetwork.Network, solver, integerBuilds, options, Aggregates(sameNetwork.Options) == Aggregates(options) ? sameNetwork : null)
    {
    }

    private OptimisationModel(NetworkSnapshot network, Solver solver, bool integerBuilds, ModelOptions options, OptimisationModel? shape)
    {
        Options = options;
        Network = network;
        Solver = solver;
        IntegerBuilds = integerBuilds;
        Graph = shape?.Graph ?? ModeLayerGraph.Build(network);
        Classes = shape?.Classes ?? FlowClass.For(network);
        Layers = shape?.Layers ?? FlowLayer.For(network, Classes, Aggregates(options));
        _layerOfClass = new FlowLayer[Classes.Length];
        foreach (var layer in Layers)
        {
            foreach (var flowClass in layer.Classes)
                _layerOfClass[flowClass.Index] = layer;
        }

        Flow = new Variable?[Layers.Length, Graph.Arcs.Length];
        Injections = [.. Layers.Select(_ => new List<Injection>())];
        Absorptions = [.. Classes.Select(_ => new List<Absorption>())];
        Delivered = new Variable[Classes.Length];
        TotalSupply = network.NodesOfKind(NodeKind.Mine).SelectMany(n => n.Supplies.IsDefault ? [] : n.Supplies).Sum(s => s.TonnesPerYear);
    }

    public NetworkSnapshot Network { get; }

    public ModelOptions Options { get; }

    /// <summary>Whether markets share flow layers under these options (<see cref="FlowLayer.For"/>).</summary>
    private static bool Aggregates(ModelOptions options) => options.AggregateClasses && !options.Elastic;

    public Solver Solver { get; }

    /// <summary>True when build variables are integer (a MIP backend); false for an LP backend, where every option is fixed.</summary>
    public bool IntegerBuilds { get; }

    public ModeLayerGraph Graph { get; }

    public ImmutableArray<FlowClass> Classes { get; }

    /// <summary>The flow layers: what <see cref="Flow"/> and <see cref="Injections"/> are indexed by.</summary>
    public ImmutableArray<FlowLayer> Layers { get; }

    /// <summary>Total supply of every commodity: the bound on an option-built link whose own capacity is unlimited.</summary>
    public double TotalSupply { get; }

    /// <summary>flow[layer, arc]; null where the layer's commodity may not use the arc.</summary>
    public Variable?[,] Flow { get; }

    /// <summary>Injections by layer.</summary>
    public ImmutableArray<List<Injection>> Injections { get; }

    /// <summary>Absorptions by class (at the class's market, into the class's layer).</summary>
    public ImmutableArray<List<Absorption>> Absorptions { get; }

    public Variable[] Delivered { get; }

    public SortedDictionary<(NodeId Mine, CommodityId Commodity), Variable> Unshipped { get; } = new(Comparer<(NodeId Mine, CommodityId Commodity)>.Create(
        (a, b) => a.Mine.CompareTo(b.Mine) != 0 ? a.Mine.CompareTo(b.Mine) : a.Commodity.CompareTo(b.Commodity)));

    public SortedDictionary<OptionId, Variable> Build { get; } = [];

    /// <summary>
    /// Fixes every free option's build variable at <paramref name="built"/>'s choice (1 or 0): the very model a copy of
    /// the network with those options forced in or out would give (a decision only sets the build variable's bounds),
    /// without copying the network.
    /// </summary>
    public void FixFreeBuilds(Func<OptionId, bool> built)
    {
        foreach (var option in FreeOptions)
        {
            var value = built(option) ? 1.0 : 0.0;
            Build[option].SetBounds(value, value);
        }
    }

    /// <summary>The options the solve decides (decision free), in the network's order: what a plan of the heuristics indexes.</summary>
    public ImmutableArray<OptionId> FreeOptions => [.. Network.Options.Where(o => o.Decision == BuildDecision.Free).Select(o => o.Id)];

    /// <summary>Number of rows each constraint family added, for the run record and the docs.</summary>
    public SortedDictionary<string, int> RowsByFamily { get; } = new(StringComparer.Ordinal);

    /// <summary>A lower bound proven before the MIP (the strong relaxation of the starting heuristics), for when the backend stops before its own root bound is as good.</summary>
    public double? RelaxationBound { get; set; }

    /// <summary>Capacity rows in the order they were added (links by id, then ports by id).</summary>
    public List<CapacityRow> CapacityRows { get; } = [];

    public SortedDictionary<(NodeId Mine, CommodityId Commodity), Constraint> SupplyRows { get; } = new(Comparer<(NodeId Mine, CommodityId Commodity)>.Create(
        (a, b) => a.Mine.CompareTo(b.Mine) != 0 ? a.Mine.CompareTo(b.Mine) : a.Commodity.CompareTo(b.Commodity)));

    /// <summary>downstreamGate rows in the order they were added, kept so a refit can put new bounds on them.</summary>
    public List<DownstreamGate> DownstreamGates { get; } = [];

    /// <summary>deliver[class] rows, by class index.</summary>
    public List<Constraint> DeliverRows { get; } = [];

    /// <summary>Penalised slacks; empty unless <see cref="ModelOptions.Elastic"/>.</summary>
    public List<ElasticSlack> Slacks { get; } = [];

    /// <summary>The layer that carries a class's cargo.</summary>
    public FlowLayer LayerOf(FlowClass flowClass) => _layerOfClass[flowClass.Index];

    private readonly FlowLayer[] _layerOfClass;

    /// <summary>Put before every variable and row name: a plan over time holds one copy per period on one solver, and names must be unique (CBC stops the process on a duplicate).</summary>
    public string NamePrefix { get; init; } = "";

    /// <summary>The name as exported: <see cref="NamePrefix"/> + the family's name.</summary>
    public string Name(string name) => NamePrefix.Length == 0 ? name : NamePrefix + name;

    public Constraint AddRow(string family, string name, double lower, double upper)
    {
        RowsByFamily[family] = RowsByFamily.GetValueOrDefault(family) + 1;
        return Solver.MakeConstraint(lower, upper, Name(name));
    }

    /// <summary>
    /// In an elastic model, adds a slack to <paramref name="row"/> with the given coefficient (+1 fills a shortfall,
    /// −1 absorbs an overrun) and records it; does nothing otherwise.
    /// </summary>
    public void Relax(Constraint row, double coefficient, SlackKind kind, Func<ElasticSlack, ElasticSlack>? describe = null)
    {
        if (!Options.Elastic)
            return;
        var name = row.Name();
        var v = Solver.MakeNumVar(0, double.PositiveInfinity, $"elastic[{name}]");
        row.SetCoefficient(v, coefficient);
        var slack = new ElasticSlack(kind, v, ElasticWeights.Of(kind), name);
        Slacks.Add(describe is null ? slack : describe(slack));
    }

    /// <summary>Options whose capacity increments apply to a link (indexed once: asked per link and per arc).</summary>
    public IEnumerable<(InvestmentOption Option, double Added)> LinkIncrements(LinkId link)
    {
        _linkIncrements ??= Network.Options
            .SelectMany(o => o.CapacityAdds.IsDefault ? [] : o.CapacityAdds.Where(a => a.Link is not null).Select(a => (Link: a.Link!.Value, Option: o, a.AddedTpy)))
            .GroupBy(x => x.Link)
            .ToDictionary(g => g.Key, g => g.Select(x => (x.Option, x.AddedTpy)).ToList());
        return _linkIncrements.TryGetValue(link, out var list) ? list.Where(x => Build.ContainsKey(x.Option.Id)) : [];
    }

    private Dictionary<LinkId, List<(InvestmentOption Option, double AddedTpy)>>? _linkIncrements;

    /// <summary>Options whose capacity increments apply to a port.</summary>
    public IEnumerable<(InvestmentOption Option, double Added)> PortIncrements(NodeId port) =>
        Network.Options.SelectMany(o => o.CapacityAdds.IsDefault ? [] : o.CapacityAdds.Where(a => a.Port == port).Select(a => (o, a.AddedTpy)))
            .Where(x => Build.ContainsKey(x.o.Id));

    public Variable? Builder(Link link) => link.BuiltBy is { } option && Build.TryGetValue(option, out var y) ? y : null;

    /// <summary>
    /// This model's variables and rows, seen through another snapshot with the same elements and different figures
    /// (a draw of the uncertainty analysis): graph, classes and layers are derived from <paramref name="network"/>, the
    /// solver objects are shared. <see cref="ModelRefit"/> then puts the snapshot's coefficients on them. Null when the
    /// snapshot's model would have a different shape (another arc, layer, injection or class, or another set of rows
    /// or of coefficients in them: <see cref="ShapeKey"/>), or the model has rows <see cref="ModelRefit"/> does not
    /// refit: the caller builds afresh then.
    /// </summary>
    public OptimisationModel? Rebind(NetworkSnapshot network)
    {
        if (!ModelRefit.Covers(this))
            return null;
        _shapeKey ??= ShapeKey(Network);
        if (!string.Equals(_shapeKey, ShapeKey(network), StringComparison.Ordinal))
            return null;
        var model = new OptimisationModel(network, Solver, IntegerBuilds, Options) { NamePrefix = NamePrefix, _shapeKey = _shapeKey };
        if (!model.Graph.Arcs.Select(a => a.Key).SequenceEqual(Graph.Arcs.Select(a => a.Key), StringComparer.Ordinal)
            || !model.Layers.Select(l => l.Key).SequenceEqual(Layers.Select(l => l.Key), StringComparer.Ordinal)
            || !model.Classes.Select(c => c.Key).SequenceEqual(Classes.Select(c => c.Key), StringComparer.Ordinal))
            return null;
        foreach (var layer in Layers)
        {
            foreach (var arc in Graph.Arcs)
            {
                // A link that stops (or starts) allowing the layer's commodity would change the variables.
                var allowed = arc.Link is not { } link || network.Link(link.Id).Allows(layer.Commodity);
                if (allowed != Flow[layer.Index, arc.Index] is not null)
                    return null;
                model.Flow[layer.Index, arc.Index] = Flow[layer.Index, arc.Index];
            }

            // Injections exist where a mine supplies the layer's commodity: the same mines must.
            var supplying = network.NodesOfKind(NodeKind.Mine).Count(m => !m.Supplies.IsDefault && m.Supplies.Any(s => s.Commodity == layer.Commodity && s.TonnesPerYear > 0));
            if (supplying != Injections[layer.Index].Select(i => i.Mine).Distinct().Count())
                return null;
            model.Injections[layer.Index].AddRange(Injections[layer.Index]);
        }

        foreach (var flowClass in Classes)
            model.Absorptions[flowClass.Index].AddRange(Absorptions[flowClass.Index]);
        Array.Copy(Delivered, model.Delivered, Delivered.Length);
        foreach (var (key, v) in Unshipped) model.Unshipped[key] = v;
        foreach (var (key, v) in Build) model.Build[key] = v;
        foreach (var (key, v) in RowsByFamily) model.RowsByFamily[key] = v;
        foreach (var (key, v) in SupplyRows) model.SupplyRows[key] = v;
        model.DeliverRows.AddRange(DeliverRows);
        model.DownstreamGates.AddRange(DownstreamGates);
        model.CapacityRows.AddRange(CapacityRows.Select(r => r with { Arcs = [.. r.Arcs.Select(a => model.Graph.Arcs[a.Index])] }));
        return model;
    }

    private string? _shapeKey;

    /// <summary>
    /// What decides which variables, rows and non-zero coefficients a model has, apart from the arcs, layers and
    /// classes <see cref="Rebind"/> compares itself: the options and what they require, exclude and add capacity to
    /// (not how much), whether each link and port has a capacity row (limited, or built by an option), each mine's
    /// unshipped allowance, the budget row and the enabled rules. Figures that <see cref="ModelRefit"/> changes in
    /// place (tonnes, costs, the amounts of capacities, increments and the budget) are left out: a capacity going from
    /// a number to unlimited or back, or an increment that appears or goes (a closed port), changes the key.
    /// </summary>
    internal static string ShapeKey(NetworkSnapshot network)
    {
        var key = new System.Text.StringBuilder();
        foreach (var option in network.Options)
        {
            key.Append("o:").Append(option.Id.Value);
            foreach (var add in option.CapacityAdds.IsDefault ? [] : option.CapacityAdds)
                key.Append(add.Link is { } l ? " +l:" + l.Value : "").Append(add.Port is { } p ? " +p:" + p.Value : "");
            foreach (var required in option.Requires.IsDefault ? [] : option.Requires.Order().ToList())
                key.Append(" r:").Append(required.Value);
            foreach (var excluded in option.Excludes.IsDefault ? [] : option.Excludes.Order().ToList())
                key.Append(" x:").Append(excluded.Value);
            key.Append('\n');
        }

        foreach (var link in network.Links)
            key.Append("l:").Append(link.Id.Value).Append(link.CapacityTpy is null ? " unlimited" : " limited").Append(link.BuiltBy is { } b ? " by " + b.Value : "").Append('\n');
        foreach (var node in network.Nodes)
        {
            if (node.Port is { } port)
                key.Append("p:").Append(node.Id.Value).Append(port.ThroughputCapacityTpy is null ? " unlimited" : " limited").Append('\n');
            foreach (var supply in node.Supplies.IsDefault ? [] : node.Supplies)
                key.Append("s:").Append(node.Id.Value).Append(' ').Append(supply.Commodity.Value).Append(supply.AllowUnshipped ? " may leave" : "").Append('\n');
        }

        key.Append(network.Metadata.CapexBudgetUsd is null ? "no budget" : "budget").Append('\n');
        foreach (var rule in network.Rules.Where(r => r.Enabled))
        {
            key.Append(rule switch
            {
                AvoidThroughRule a => $"avoid:{a.Id.Value} {Ids(a.Markets)} / {Ids(a.AvoidNodes)} / {Ids(a.AvoidLinks)}",
                ModeBanRule m => $"ban:{m.Id.Value} {m.Commodity.Value} {m.Mode}",
                _ => "rule:" + rule.Id.Value,
            }).Append('\n');
        }

        return key.ToString();
    }

    private static string Ids<T>(ImmutableArray<T> ids) => ids.IsDefault ? "" : string.Join(",", ids);
}

/// <summary>
/// Penalty per unit of each slack in the diagnosis's first phase (docs/model.md, "Infeasibility diagnosis"). Relative
/// sizes decide which explanation wins when several would do: an overrun on a capacity is cheapest (so a short
/// corridor is named rather than the mine behind it), then a broken rule, then output or demand that cannot move at
/// all; a USD of budget overrun weighs like a millionth of a tonne, so a missing option is blamed on the budget when
/// the budget is what stops it.
/// </summary>
internal static class ElasticWeights
{
    public static double Of(SlackKind kind) => kind switch
    {
        SlackKind.LinkOverrun or SlackKind.PortOverrun => 0.1,
        SlackKind.RuleViolation => 1,
        SlackKind.SupplyUnshipped or SlackKind.DemandShortfall => 10,
        SlackKind.BudgetOverrun => 1e-6,
        _ => 1e6,
    };
}
