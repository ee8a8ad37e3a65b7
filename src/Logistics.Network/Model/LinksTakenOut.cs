using System.Collections.Immutable;

namespace Logistics.Network.Model;

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
