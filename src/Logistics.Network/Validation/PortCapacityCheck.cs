using Logistics.Network.Diagnostics;
using Logistics.Network.Model;

namespace Logistics.Network.Validation;

/// <summary>A port with capacity 0 is meant to be opened by an option; if no option adds capacity it can never be used.</summary>
public static class PortCapacityCheck
{
    public static IEnumerable<Diagnostic> Run(ValidationContext c)
    {
        var added = c.Network.Options.Where(o => o.Decision != BuildDecision.ForcedOut)
            .SelectMany(o => o.CapacityAdds).Where(a => a.Port is not null && a.AddedTpy > 0).Select(a => a.Port!.Value).ToHashSet();
        foreach (var port in c.Network.NodesOfKind(NodeKind.Port).Where(p => p.Port?.ThroughputCapacityTpy == 0 && !added.Contains(p.Id)))
            yield return c.At(DiagnosticCodes.UnreachablePortCapacity, $"nodes[{port.Id}].port.capacityTpy", $"Port '{port.Id}' has capacity 0 and no option adds any, so no cargo can pass through it.");
    }
}
