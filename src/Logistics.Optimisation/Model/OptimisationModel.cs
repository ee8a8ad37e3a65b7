using System.Collections.Immutable;

using Google.OrTools.LinearSolver;

using Logistics.Network.Model;

namespace Logistics.Optimisation.Model;

/// <summary>Switches for model variants that benchmarks compare; the defaults are what every solve uses.</summary>
/// <param name="TightenBuiltLinks">Add the per-class <c>builtLinkGate</c> rows on option-built links.</param>
internal sealed record ModelOptions(bool TightenBuiltLinks = true)
{
    public static ModelOptions Default { get; } = new();
}

/// <summary>A mine's injection of one class's cargo into one mode layer.</summary>
internal sealed record Injection(NodeId Mine, int SubNode, Variable Variable);

/// <summary>A market's absorption of one class's cargo from one mode layer.</summary>
internal sealed record Absorption(int SubNode, Variable Variable);

/// <summary>
/// The solver model and the variables of each family, indexed so the extractor can read them back.
/// Built by <see cref="ModelBuilder"/>, one family at a time.
/// </summary>
internal sealed class OptimisationModel
{
    public OptimisationModel(Network.Model.Network network, Solver solver, bool integerBuilds, ModelOptions options)
    {
        Options = options;
        Network = network;
        Solver = solver;
        IntegerBuilds = integerBuilds;
        Graph = ModeLayerGraph.Build(network);
        Classes = FlowClass.For(network);
        Flow = new Variable?[Classes.Length, Graph.Arcs.Length];
        Injections = [.. Classes.Select(_ => new List<Injection>())];
        Absorptions = [.. Classes.Select(_ => new List<Absorption>())];
        Delivered = new Variable[Classes.Length];
        TotalSupply = network.NodesOfKind(NodeKind.Mine).SelectMany(n => n.Supplies.IsDefault ? [] : n.Supplies).Sum(s => s.TonnesPerYear);
    }

    public Network.Model.Network Network { get; }

    public ModelOptions Options { get; }

    public Solver Solver { get; }

    /// <summary>True when build variables are integer (a MIP backend); false for an LP backend, where every option is fixed.</summary>
    public bool IntegerBuilds { get; }

    public ModeLayerGraph Graph { get; }

    public ImmutableArray<FlowClass> Classes { get; }

    /// <summary>Total supply of every commodity: the bound on an option-built link whose own capacity is unlimited.</summary>
    public double TotalSupply { get; }

    /// <summary>flow[class, arc]; null where the class may not use the arc (commodity restriction).</summary>
    public Variable?[,] Flow { get; }

    public ImmutableArray<List<Injection>> Injections { get; }

    public ImmutableArray<List<Absorption>> Absorptions { get; }

    public Variable[] Delivered { get; }

    public SortedDictionary<(NodeId Mine, CommodityId Commodity), Variable> Unshipped { get; } = new(Comparer<(NodeId Mine, CommodityId Commodity)>.Create(
        (a, b) => a.Mine.CompareTo(b.Mine) != 0 ? a.Mine.CompareTo(b.Mine) : a.Commodity.CompareTo(b.Commodity)));

    public SortedDictionary<OptionId, Variable> Build { get; } = [];

    /// <summary>Number of rows each constraint family added, for the run record and the docs.</summary>
    public SortedDictionary<string, int> RowsByFamily { get; } = new(StringComparer.Ordinal);

    public Constraint AddRow(string family, string name, double lower, double upper)
    {
        RowsByFamily[family] = RowsByFamily.GetValueOrDefault(family) + 1;
        return Solver.MakeConstraint(lower, upper, name);
    }

    /// <summary>Options whose capacity increments apply to a link.</summary>
    public IEnumerable<(InvestmentOption Option, double Added)> LinkIncrements(LinkId link) =>
        Network.Options.SelectMany(o => o.CapacityAdds.IsDefault ? [] : o.CapacityAdds.Where(a => a.Link == link).Select(a => (o, a.AddedTpy)))
            .Where(x => Build.ContainsKey(x.o.Id));

    /// <summary>Options whose capacity increments apply to a port.</summary>
    public IEnumerable<(InvestmentOption Option, double Added)> PortIncrements(NodeId port) =>
        Network.Options.SelectMany(o => o.CapacityAdds.IsDefault ? [] : o.CapacityAdds.Where(a => a.Port == port).Select(a => (o, a.AddedTpy)))
            .Where(x => Build.ContainsKey(x.o.Id));

    public Variable? Builder(Link link) => link.BuiltBy is { } option && Build.TryGetValue(option, out var y) ? y : null;
}
