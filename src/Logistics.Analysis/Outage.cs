using System.Collections.Immutable;

using Logistics.Network.Model;

namespace Logistics.Analysis;

/// <summary>One element taken out, with the two answers.</summary>
/// <param name="ElementId">Link id, corridor id or port id.</param>
/// <param name="Links">Links removed (a port outage removes none: its capacity becomes zero).</param>
/// <param name="Rank">1 for the most harmful.</param>
public sealed record Outage(int Rank, OutageKind Kind, string ElementId, string Name, ImmutableArray<LinkId> Links, OutageAnswer Operational, OutageAnswer Strategic);
