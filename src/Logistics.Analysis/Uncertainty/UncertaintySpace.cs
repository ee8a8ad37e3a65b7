using System.Collections.Immutable;

using Logistics.Network.IO;
using Logistics.Network.Model;

namespace Logistics.Analysis.Uncertainty;

/// <summary>A figure a seed moves: its path and its value in the central network.</summary>
public sealed record SeedFigure(string Path, double CentralValue);

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
    private UncertaintySpace(Network.Model.Network central, ImmutableArray<UncertainSeed> seeds, ImmutableArray<ImmutableArray<SeedFigure>> figures,
        ImmutableArray<CorrelatedColumns> groups, ImmutableArray<string> notVaried)
    {
        Central = central;
        Seeds = seeds;
        Figures = figures;
        Groups = groups;
        NotVaried = notVaried;
    }

    public Network.Model.Network Central { get; }

    /// <summary>The seeds sampled, sorted by id; column j of a draw is seed j.</summary>
    public ImmutableArray<UncertainSeed> Seeds { get; }

    /// <summary>Figures[j]: the figures seed j moves.</summary>
    public ImmutableArray<ImmutableArray<SeedFigure>> Figures { get; }

    /// <summary>The register's correlation groups restricted to sampled seeds (two or more of them).</summary>
    public ImmutableArray<CorrelatedColumns> Groups { get; }

    /// <summary>Figures that cite a seed with a range but cannot be set on a snapshot (derived when binding): held at their central value.</summary>
    public ImmutableArray<string> NotVaried { get; }

    /// <exception cref="AnalysisInputException">No figure of the network cites a seed with a range.</exception>
    public static UncertaintySpace For(Network.Model.Network central, SeedRegister register)
    {
        ArgumentNullException.ThrowIfNull(central);
        ArgumentNullException.ThrowIfNull(register);
        var seeds = new List<UncertainSeed>();
        var figures = new List<ImmutableArray<SeedFigure>>();
        var notVaried = new List<string>();
        foreach (var cited in central.Figures.Where(f => f.Source is not null).GroupBy(f => f.Source!.Value).OrderBy(g => g.Key))
        {
            if (!register.TryGet(cited.Key, out var seed) || UncertainSeed.From(seed) is not { } uncertain)
                continue;
            var settable = cited.Where(f => FigureChangeSet.IsSettable(f.Path)).OrderBy(f => f.Path, StringComparer.Ordinal).ToList();
            notVaried.AddRange(cited.Where(f => !FigureChangeSet.IsSettable(f.Path)).Select(f => f.Path));
            if (settable.Count == 0)
                continue;
            seeds.Add(uncertain);
            figures.Add([.. settable.Select(f => new SeedFigure(f.Path, f.Value))]);
        }

        if (seeds.Count == 0)
        {
            throw new AnalysisInputException(
                "No figure of the network cites a seed with a range (low and high in seeds/*.json), so there is nothing uncertain to sample. Cite seeds from the figures, or give the cited seeds low and high.");
        }

        var index = seeds.Select((s, i) => (s.Id, i)).ToDictionary(x => x.Id, x => x.i);
        var groups = register.CorrelationGroups
            .Select(g => new CorrelatedColumns(g.Id, [.. g.Seeds.Distinct().Where(index.ContainsKey).Select(id => index[id])], g.RankCorrelation))
            .Where(g => g.Columns.Length >= 2)
            .ToImmutableArray();
        var space = new UncertaintySpace(central, [.. seeds], [.. figures], groups, [.. notVaried.Order(StringComparer.Ordinal)]);
        var problems = space.Changes(space.Seeds.Select(s => s.Central).ToArray()).Check(central);
        if (!problems.IsEmpty)
            throw new AnalysisInputException($"The figures the seeds move cannot be changed on the network: {string.Join(" ", problems)}");
        return space;
    }

    /// <summary>The change set of one draw: every seed at its sampled value (values[j] for seed j).</summary>
    public FigureChangeSet Changes(IReadOnlyList<double> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        return new FigureChangeSet(Enumerable.Range(0, Seeds.Length).SelectMany(j => Moves(j, values[j])));
    }

    /// <summary>The change set that moves only seed <paramref name="column"/>, to <paramref name="value"/> (tornado).</summary>
    public FigureChangeSet Changes(int column, double value) => new(Moves(column, value));

    /// <summary>The snapshot of one draw.</summary>
    public Network.Model.Network Apply(IReadOnlyList<double> values) => Changes(values).ApplyTo(Central);

    private IEnumerable<FigureChange> Moves(int column, double value)
    {
        var central = Seeds[column].Central;
        return Figures[column].Select(f => new FigureChange(f.Path, central != 0 ? f.CentralValue * value / central : f.CentralValue + value - central));
    }
}
