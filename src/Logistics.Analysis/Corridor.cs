using System.Collections.Immutable;

using Logistics.Network.Model;

namespace Logistics.Analysis;

/// <summary>
/// A group of links that fail together: a chain of same-mode links whose inner nodes are junctions of degree 2 (it
/// ends at any other node, or where the mode changes), or the links one option builds or expands (docs/analyses.md, "Corridors").
/// </summary>
/// <param name="Id">For a chain, its end node ids joined by "~" and the mode (e.g. <c>rohri~spezand:rail</c>); for an option group, <c>option:ID</c>.</param>
/// <param name="Links">Its links, in chain order (by id for an option group).</param>
public sealed record Corridor(string Id, string Name, CorridorSource Source, TransportMode? Mode, ImmutableArray<LinkId> Links);
