using System.Collections.Immutable;

namespace Logistics.Network.Model;

/// <summary>Cargo bound for any of <paramref name="Markets"/> must not pass through the named nodes or links.</summary>
public sealed record AvoidThroughRule(
    RuleId Id,
    string Description,
    bool Enabled,
    ImmutableArray<NodeId> Markets,
    ImmutableArray<NodeId> AvoidNodes,
    ImmutableArray<LinkId> AvoidLinks) : PolicyRule(Id, Description, Enabled);
