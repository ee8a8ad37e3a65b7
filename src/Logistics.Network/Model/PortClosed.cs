namespace Logistics.Network.Model;

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
