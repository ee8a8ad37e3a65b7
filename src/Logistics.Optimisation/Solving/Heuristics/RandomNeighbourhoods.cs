using System.Collections.Immutable;

using Logistics.Network.Model;

namespace Logistics.Optimisation.Solving.Heuristics;

/// <summary>
/// The neighbourhoods <see cref="RestrictedMip.Explore"/> searches once the relaxation-guided ones are exhausted
/// (docs/model.md, "MIP neighbourhoods"): which free options a restricted MIP may change, the rest fixed at the plan.
/// Two kinds in turn, so that moves the relaxation does not suggest are reachable: a random share of the options that
/// the plan builds or the relaxation uses (the options both leave closed rarely pay), and every option whose link
/// touches a few random nodes (rerouting around a node needs its arcs together, built or not). The share adapts: a
/// restricted MIP that proves its neighbourhood without a better plan makes the next one wider, one that runs out of
/// time makes it narrower. Deterministic: a seeded <see cref="Random"/>, options in id order, nodes in ordinal order,
/// so the same plan, relaxation and outcomes give the same sequence.
/// </summary>
internal sealed class RandomNeighbourhoods
{
    /// <summary>The fixed seed: the same input gives the same neighbourhoods.</summary>
    public const int Seed = 13;

    /// <summary>Share of the candidate options freed at first: a little under what the widest relaxation-guided neighbourhood frees on c37.</summary>
    public const double InitialShare = 0.3;

    private const double MinShare = 0.05;
    private const double MaxShare = 0.8;

    /// <summary>Fewest options a neighbourhood frees: fewer is a local-search move, which the local search makes cheaper.</summary>
    private const int MinFree = 4;

    private readonly Random _random;
    private readonly double[] _relaxed;
    private readonly ImmutableArray<ImmutableArray<int>> _optionsAtNode;
    private int _drawn;

    public RandomNeighbourhoods(NetworkSnapshot network, ImmutableArray<OptionId> freeOptions, double[] relaxed, int seed = Seed)
    {
        _random = new Random(seed);
        _relaxed = relaxed;
        var index = freeOptions.Select((id, i) => (id, i)).ToDictionary(p => p.id, p => p.i);
        var atNode = new SortedDictionary<string, SortedSet<int>>(StringComparer.Ordinal);
        foreach (var link in network.Links)
        {
            if (link.BuiltBy is not { } option || !index.TryGetValue(option, out var i))
                continue;
            foreach (var node in new[] { link.From, link.To })
            {
                if (!atNode.TryGetValue(node.Value, out var set))
                    atNode[node.Value] = set = [];
                set.Add(i);
            }
        }

        _optionsAtNode = [.. atNode.Values.Select(s => s.ToImmutableArray())];
    }

    /// <summary>The share of candidates the next neighbourhood frees.</summary>
    public double Share { get; private set; } = InitialShare;

    /// <summary>After a restricted MIP: <paramref name="proved"/> when it solved its neighbourhood within its time (and found nothing better), which widens the next.</summary>
    public void Report(bool proved) => Share = Math.Clamp(Share * (proved ? 1.25 : 0.7), MinShare, MaxShare);

    /// <summary>Which options to fix at <paramref name="plan"/> (true) for the next neighbourhood, and its kind's name.</summary>
    public (bool[] Fix, string Kind) Next(ImmutableArray<bool> plan)
    {
        var kind = _drawn++ % 2;
        var fix = Enumerable.Repeat(true, plan.Length).ToArray();
        if (kind == 0 || _optionsAtNode.Length == 0)
        {
            var candidates = Enumerable.Range(0, plan.Length).Where(i => plan[i] || _relaxed[i] > 1e-6).ToList();
            var take = Math.Min(candidates.Count, Math.Max(MinFree, (int)Math.Ceiling(Share * candidates.Count)));
            // A partial Fisher–Yates shuffle: the first `take` candidates after it are a uniform sample.
            for (var k = 0; k < take; k++)
            {
                var j = k + _random.Next(candidates.Count - k);
                (candidates[k], candidates[j]) = (candidates[j], candidates[k]);
                fix[candidates[k]] = false;
            }

            return (fix, "random options");
        }

        var target = Math.Max(MinFree, (int)Math.Ceiling(Share * plan.Count(o => o)));
        var nodes = Enumerable.Range(0, _optionsAtNode.Length).ToList();
        var freed = 0;
        while (freed < target && nodes.Count > 0)
        {
            var pick = _random.Next(nodes.Count);
            foreach (var i in _optionsAtNode[nodes[pick]])
            {
                freed += fix[i] ? 1 : 0;
                fix[i] = false;
            }

            nodes.RemoveAt(pick);
        }

        return (fix, "around nodes");
    }
}
