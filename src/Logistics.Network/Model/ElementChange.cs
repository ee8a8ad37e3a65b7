using System.Collections.Immutable;

namespace Logistics.Network.Model;

/// <summary>
/// The second kind of change a <see cref="FigureChangeSet"/> holds: one that changes what the network is rather than a
/// figure of it (an option forced in or out, links taken out, a port closed). A figure change keeps the snapshot's
/// shape, so a kept model can be refitted for it; an element change does not, so it is applied after the figures, in
/// order, each through <see cref="NetworkBuilder"/>, and a model is built again for it.
/// </summary>
public abstract record ElementChange
{
    /// <summary>A problem that would make the change act on nothing (an id the snapshot lacks); null when it applies.</summary>
    internal abstract string? Problem(NetworkSnapshot network);

    internal abstract NetworkSnapshot ApplyTo(NetworkSnapshot network);
}

/// <summary>Each option of <paramref name="In"/> forced in and of <paramref name="Out"/> forced out, in every period (the value analysis's cases).</summary>
public sealed record ForcedOptions(ImmutableArray<OptionId> In, ImmutableArray<OptionId> Out) : ElementChange
{
    internal override string? Problem(NetworkSnapshot network) =>
        In.Concat(Out).Where(o => !network.TryGetOption(o, out _)).Select(o => $"The network has no option {o}.").FirstOrDefault();

    internal override NetworkSnapshot ApplyTo(NetworkSnapshot network)
    {
        var builder = NetworkBuilder.From(network);
        foreach (var id in In)
            builder.SetDecision(id, BuildDecision.ForcedIn);
        foreach (var id in Out)
            builder.SetDecision(id, BuildDecision.ForcedOut);
        return builder.Build();
    }
}

/// <summary>
/// The links taken out (an outage): options lose their capacity increments on them and rules stop naming them (an
/// option that builds a removed link still builds the rest of what it builds). A link the snapshot lacks is skipped, so
/// a corridor can be taken out of a period that does not have all of it.
/// </summary>
public sealed record LinksTakenOut(ImmutableArray<LinkId> Links) : ElementChange
{
    internal override string? Problem(NetworkSnapshot network) => null;

    internal override NetworkSnapshot ApplyTo(NetworkSnapshot network)
    {
        var builder = NetworkBuilder.From(network);
        foreach (var id in Links)
            builder.RemoveLink(id);
        foreach (var option in network.Options.Where(o => !o.CapacityAdds.IsDefault && o.CapacityAdds.Any(a => a.Link is { } l && Links.Contains(l))))
            builder.Replace(option with { CapacityAdds = [.. option.CapacityAdds.Where(a => a.Link is not { } l || !Links.Contains(l))] });
        foreach (var rule in network.Rules.OfType<AvoidThroughRule>().Where(r => !r.AvoidLinks.IsDefault && r.AvoidLinks.Any(Links.Contains)))
            builder.Replace(rule with { AvoidLinks = [.. rule.AvoidLinks.Where(l => !Links.Contains(l))] });
        return builder.Build();
    }
}

/// <summary>A port that handles nothing: throughput capacity zero, and no option can add any (an outage).</summary>
public sealed record PortClosed(NodeId Port) : ElementChange
{
    internal override string? Problem(NetworkSnapshot network) =>
        network.TryGetNode(Port, out _) ? null : $"The network has no node {Port}.";

    internal override NetworkSnapshot ApplyTo(NetworkSnapshot network)
    {
        var node = network.Node(Port);
        var builder = NetworkBuilder.From(network)
            .Replace(node with { Port = (node.Port ?? new PortFacility(0, 0)) with { ThroughputCapacityTpy = 0 } });
        foreach (var option in network.Options.Where(o => !o.CapacityAdds.IsDefault && o.CapacityAdds.Any(a => a.Port == Port)))
            builder.Replace(option with { CapacityAdds = [.. option.CapacityAdds.Where(a => a.Port != Port)] });
        return builder.Build();
    }
}
