using System.Collections.Immutable;

using Logistics.Network.IO;
using Logistics.Network.Model;

namespace Logistics.Analysis.Uncertainty;

/// <summary>
/// What a draw can vary in one snapshot: every seed with a range that a settable figure cites, the figures each one
/// moves, and the register's correlation groups among them. A sampled seed value x lands on every figure citing the seed
/// by scaling: figure × x / central (figure + x − central when the central value is 0). Scaling rather than setting
/// keeps derived figures right (a capex multiplied by an overrun factor stays multiplied; a split length stays its share
/// of the total), and equals setting when the figure is the seed's value. The whole change set is checked against the
/// snapshot once, here; every draw then applies without reparsing or revalidating. Whatever figures the snapshot has
/// (periods, scenarios) are varied the same way, as long as they cite seeds.
/// </summary>
public sealed class UncertaintySpace
{
    private UncertaintySpace(NetworkSnapshot central, ImmutableArray<UncertainSeed> seeds, ImmutableArray<ImmutableArray<SeedFigure>> figures,
        ImmutableArray<CorrelatedColumns> groups, ImmutableArray<string> notVaried, ImmutableArray<ImmutableArray<ImmutableArray<SeedFigure>>> snapshotFigures)
    {
        Central = central;
        Seeds = seeds;
        Figures = figures;
        Groups = groups;
        NotVaried = notVaried;
        _snapshotFigures = snapshotFigures;
    }

    /// <summary>[snapshot][seed]: the figures seed j moves in the plan's snapshot (0) and in each period's (1, 2, …).</summary>
    private readonly ImmutableArray<ImmutableArray<ImmutableArray<SeedFigure>>> _snapshotFigures;

    public NetworkSnapshot Central { get; }

    /// <summary>The seeds sampled, sorted by id; column j of a draw is seed j.</summary>
    public ImmutableArray<UncertainSeed> Seeds { get; }

    /// <summary>Figures[j]: the figures seed j moves.</summary>
    public ImmutableArray<ImmutableArray<SeedFigure>> Figures { get; }

    /// <summary>The register's correlation groups restricted to sampled seeds (two or more of them).</summary>
    public ImmutableArray<CorrelatedColumns> Groups { get; }

    /// <summary>Figures that cite a seed with a range but cannot be set on a snapshot (derived when binding): held at their central value.</summary>
    public ImmutableArray<string> NotVaried { get; }

    /// <exception cref="AnalysisInputException">No figure of the network cites a seed with a range.</exception>
    public static UncertaintySpace For(NetworkSnapshot central, SeedRegister register)
    {
        ArgumentNullException.ThrowIfNull(central);
        ArgumentNullException.ThrowIfNull(register);
        // A plan over time: the plan's snapshot (options, metadata) and every period's snapshot (its own figures,
        // e.g. phase 2's output citing its own seed) are all varied by the same draw.
        var snapshots = central.IsPeriodised ? [central, .. central.PeriodNetworks] : new List<NetworkSnapshot> { central };
        var seeds = new List<UncertainSeed>();
        var notVaried = new SortedSet<string>(StringComparer.Ordinal);
        var cited = snapshots.SelectMany(n => n.Figures).Where(f => f.Source is not null).Select(f => f.Source!.Value).Distinct().Order().ToList();
        foreach (var id in cited)
        {
            if (!register.TryGet(id, out var seed) || UncertainSeed.From(seed) is not { } uncertain)
                continue;
            var all = snapshots.SelectMany(n => n.Figures).Where(f => f.Source == id).ToList();
            foreach (var f in all.Where(f => !FigureChangeSet.IsSettable(f.Path)))
                notVaried.Add(f.Path);
            if (all.Any(f => FigureChangeSet.IsSettable(f.Path)))
                seeds.Add(uncertain);
        }

        if (seeds.Count == 0)
        {
            throw new AnalysisInputException(
                "No figure of the network cites a seed with a range (low and high in seeds/*.json), so there is nothing uncertain to sample. Cite seeds from the figures, or give the cited seeds low and high.");
        }

        var perSnapshot = snapshots.Select(n => seeds.Select(s => n.Figures.Where(f => f.Source == s.Id && FigureChangeSet.IsSettable(f.Path))
            .OrderBy(f => f.Path, StringComparer.Ordinal).Select(f => new SeedFigure(f.Path, f.Value)).ToImmutableArray()).ToImmutableArray()).ToImmutableArray();
        // What the report counts per seed: every distinct figure path it moves, in any snapshot (the plan's value first).
        var figures = seeds.Select((_, j) => perSnapshot.SelectMany(s => s[j]).DistinctBy(f => f.Path).OrderBy(f => f.Path, StringComparer.Ordinal).ToImmutableArray()).ToImmutableArray();
        var index = seeds.Select((s, i) => (s.Id, i)).ToDictionary(x => x.Id, x => x.i);
        var groups = register.CorrelationGroups
            .Select(g => new CorrelatedColumns(g.Id, [.. g.Seeds.Distinct().Where(index.ContainsKey).Select(id => index[id])], g.RankCorrelation))
            .Where(g => g.Columns.Length >= 2)
            .ToImmutableArray();
        var space = new UncertaintySpace(central, [.. seeds], figures, groups, [.. notVaried], perSnapshot);
        var centre = space.Seeds.Select((s, j) => (j, s.Central)).ToList();
        var problems = snapshots.SelectMany((n, k) => space.ChangesIn(k, centre).Check(n)).Distinct().ToList();
        if (problems.Count > 0)
            throw new AnalysisInputException($"The figures the seeds move cannot be changed on the network: {string.Join(" ", problems)}");
        return space;
    }

    /// <summary>The change set of one draw on the plan's snapshot: every seed at its sampled value (values[j] for seed j).</summary>
    public FigureChangeSet Changes(IReadOnlyList<double> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        return ChangesIn(0, [.. Enumerable.Range(0, Seeds.Length).Select(j => (j, values[j]))]);
    }

    /// <summary>The snapshot of one draw: every seed at its sampled value, in the plan and in every period.</summary>
    public NetworkSnapshot Apply(IReadOnlyList<double> values) => Apply(values, Central);

    /// <summary>
    /// <paramref name="onto"/> (the central snapshot, or a copy of it with decisions changed) with every seed at its
    /// sampled value, in the plan's snapshot and in every period's.
    /// </summary>
    public NetworkSnapshot Apply(IReadOnlyList<double> values, NetworkSnapshot onto)
    {
        ArgumentNullException.ThrowIfNull(values);
        return Apply([.. Enumerable.Range(0, Seeds.Length).Select(j => (j, values[j]))], onto);
    }

    /// <summary>The central snapshot with only the given seeds moved (the tornado's one-at-a-time and group cases).</summary>
    public NetworkSnapshot Apply(IReadOnlyList<(int Column, double Value)> moves, NetworkSnapshot onto)
    {
        ArgumentNullException.ThrowIfNull(moves);
        ArgumentNullException.ThrowIfNull(onto);
        var plan = ChangesIn(0, moves).ApplyTo(onto);
        if (!onto.IsPeriodised)
            return plan;
        var periods = onto.PeriodNetworks.Select((n, k) => ChangesIn(k + 1, moves).ApplyTo(n)).ToImmutableArray();
        return NetworkBuilder.From(plan).WithPeriods(onto.Periods, periods).Build();
    }

    private FigureChangeSet ChangesIn(int snapshot, IReadOnlyList<(int Column, double Value)> moves) =>
        new(moves.SelectMany(m => Moves(_snapshotFigures[snapshot][m.Column], Seeds[m.Column].Central, m.Value)));

    /// <summary>Each figure scaled by value / central (shifted when the central value is 0): figures derived from the seed keep their ratio to it.</summary>
    private static IEnumerable<FigureChange> Moves(ImmutableArray<SeedFigure> figures, double central, double value) =>
        figures.Select(f => new FigureChange(f.Path, central != 0 ? f.CentralValue * value / central : f.CentralValue + value - central));
}
