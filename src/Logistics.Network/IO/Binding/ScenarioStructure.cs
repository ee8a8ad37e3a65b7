using System.Collections.Immutable;

using Logistics.Network.Model;

namespace Logistics.Network.IO.Binding;

/// <summary>
/// The non-numeric part of a scenario, applied to the bound snapshot: forced and forbidden options become
/// <see cref="BuildDecision"/>s, disabled nodes and links are removed (with whatever refers to them), rules are switched.
/// Unknown ids are skipped here; the reference check reports them.
/// </summary>
public static class ScenarioStructure
{
    public static NetworkSnapshot Apply(NetworkSnapshot network, Scenario scenario)
    {
        if (IsFiguresOnly(scenario))
            return new Model.NetworkSnapshot(network, scenario.Id); // nothing to rebuild: a 5,000-node snapshot is not copied per scenario
        var builder = NetworkBuilder.From(network).WithAppliedScenario(scenario.Id);
        foreach (var option in scenario.ForceBuild.Where(o => network.TryGetOption(o, out _)))
            builder.SetDecision(option, BuildDecision.ForcedIn);
        var forbidden = scenario.ForbidBuild.Concat(scenario.Disable.Select(d => new OptionId(d))).Where(o => network.TryGetOption(o, out _));
        foreach (var option in forbidden)
            builder.SetDecision(option, BuildDecision.ForcedOut);

        foreach (var rule in network.Rules)
        {
            if (scenario.EnableRules.Contains(rule.Id)) builder.Replace(rule with { Enabled = true });
            if (scenario.DisableRules.Contains(rule.Id)) builder.Replace(rule with { Enabled = false });
        }

        var removedNodes = scenario.Disable.Select(d => new NodeId(d)).Where(n => network.TryGetNode(n, out _)).ToHashSet();
        var removedLinks = scenario.Disable.Select(d => new LinkId(d)).Where(l => network.TryGetLink(l, out _)).ToHashSet();
        removedLinks.UnionWith(network.Links.Where(l => removedNodes.Contains(l.From) || removedNodes.Contains(l.To)).Select(l => l.Id));
        foreach (var node in removedNodes) builder.RemoveNode(node);
        foreach (var link in removedLinks) builder.RemoveLink(link);

        // Nothing may point at what was removed: capacity increments and avoid-lists lose those entries.
        if (removedNodes.Count > 0 || removedLinks.Count > 0)
        {
            var interim = builder.Build();
            foreach (var option in interim.Options)
            {
                var adds = option.CapacityAdds.Where(a => !(a.Link is { } l && removedLinks.Contains(l)) && !(a.Port is { } p && removedNodes.Contains(p))).ToImmutableArray();
                if (adds.Length != option.CapacityAdds.Length) builder.Replace(option with { CapacityAdds = adds });
            }

            foreach (var rule in interim.Rules.OfType<AvoidThroughRule>())
            {
                builder.Replace(rule with
                {
                    Markets = [.. rule.Markets.Where(m => !removedNodes.Contains(m))],
                    AvoidNodes = [.. rule.AvoidNodes.Where(n => !removedNodes.Contains(n))],
                    AvoidLinks = [.. rule.AvoidLinks.Where(l => !removedLinks.Contains(l))],
                });
            }
        }

        var applied = builder.Build();
        if (removedNodes.Count == 0 && removedLinks.Count == 0) return applied;

        // The figures of removed elements leave with them, so the assumptions appendix lists only what the snapshot uses.
        var gone = removedNodes.Select(n => $"nodes[{n}]").Concat(removedLinks.Select(l => $"links[{l}]"))
            .Concat(removedNodes.Select(n => $".capacityAdds[{n}]")).Concat(removedLinks.Select(l => $".capacityAdds[{l}]")).ToList();
        var kept = NetworkBuilder.From(applied).WithoutFigures(f => gone.Any(g => f.Path.StartsWith(g + ".", StringComparison.Ordinal) || f.Path.Contains(g + ".", StringComparison.Ordinal)));
        return kept.Build();
    }

    /// <summary>True when the scenario forces, forbids, disables and switches nothing: only its figure changes act.</summary>
    public static bool IsFiguresOnly(Scenario scenario) =>
        scenario.ForceBuild.IsEmpty && scenario.ForbidBuild.IsEmpty && scenario.Disable.IsEmpty && scenario.EnableRules.IsEmpty && scenario.DisableRules.IsEmpty;
}
