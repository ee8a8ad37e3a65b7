using System.Collections.Immutable;

using Logistics.Network.Model;
using Logistics.Optimisation;

namespace Logistics.Analysis;

/// <summary>
/// What a resilience analysis solves once the base optimum is known: every outage case, each answered twice
/// (<see cref="AnswerCount"/> answers). Rebuilt from the network and the base result wherever answers are computed.
/// </summary>
public sealed class ResiliencePlan(
    NetworkSnapshot network, SolveStatus baseStatus, double baseCost, ImmutableArray<OptionId> baseBuilds,
    ImmutableDictionary<OptionId, bool>? hint, ImmutableArray<Corridor> corridors, ImmutableArray<ResiliencePlan.Case> cases, NetworkSnapshot fixedBuilds)
{
    /// <summary>One element taken out and how to take it out of a network.</summary>
    public sealed record Case(OutageKind Kind, string Id, string Name, ImmutableArray<LinkId> Links, Func<NetworkSnapshot, NetworkSnapshot> Apply);

    public NetworkSnapshot Network { get; } = network;

    public SolveStatus BaseStatus { get; } = baseStatus;

    public double BaseCost { get; } = baseCost;

    public ImmutableArray<OptionId> BaseBuilds { get; } = baseBuilds;

    /// <summary>The base optimum's builds, hinted to every strategic solve.</summary>
    public ImmutableDictionary<OptionId, bool>? Hint { get; } = hint;

    public ImmutableArray<Corridor> Corridors { get; } = corridors;

    public ImmutableArray<Case> Cases { get; } = cases;

    /// <summary>The network with the base optimum's builds fixed (operational answers start from it).</summary>
    public NetworkSnapshot FixedBuilds { get; } = fixedBuilds;

    /// <summary>Two answers per case: operational, then strategic.</summary>
    public int AnswerCount => 2 * Cases.Length;
}
