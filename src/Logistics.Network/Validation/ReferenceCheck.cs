using Logistics.Network.Diagnostics;
using Logistics.Network.IO.Binding;
using Logistics.Network.Model;

namespace Logistics.Network.Validation;

/// <summary>Every id a field names must exist (and be of the right kind): link ends, commodities, options, rules, scenario lists.</summary>
public static class ReferenceCheck
{
    public static IEnumerable<Diagnostic> Run(ValidationContext c)
    {
        var n = c.Network;
        var nodes = n.Nodes.Select(x => x.Id.Value).ToHashSet(StringComparer.Ordinal);
        var links = n.Links.Select(x => x.Id.Value).ToHashSet(StringComparer.Ordinal);
        var commodities = n.Commodities.Select(x => x.Id.Value).ToHashSet(StringComparer.Ordinal);
        var options = n.Options.Select(x => x.Id.Value).ToHashSet(StringComparer.Ordinal);
        var rules = n.Rules.Select(x => x.Id.Value).ToHashSet(StringComparer.Ordinal);

        // Callers test the id first, so a path is formatted only for a reference that is missing (rare), not for every
        // end of every link of the file.
        Diagnostic Missing(string path, string id, HashSet<string> known, string what) =>
            c.At(DiagnosticCodes.MissingReference, path, $"{path} names {what} '{id}', which does not exist.", Hint(id, known));

        var found = new List<Diagnostic>();
        foreach (var node in n.Nodes)
        {
            foreach (var s in node.Supplies) if (!commodities.Contains(s.Commodity.Value)) found.Add(Missing($"nodes[{node.Id}].supply[{s.Commodity}].commodity", s.Commodity.Value, commodities, "commodity"));
            foreach (var d in node.Demands) if (!commodities.Contains(d.Commodity.Value)) found.Add(Missing($"nodes[{node.Id}].demand[{d.Commodity}].commodity", d.Commodity.Value, commodities, "commodity"));
        }

        foreach (var link in n.Links)
        {
            var p = $"links[{link.Id}]";
            if (!nodes.Contains(link.From.Value)) found.Add(Missing($"{p}.from", link.From.Value, nodes, "node"));
            if (!nodes.Contains(link.To.Value)) found.Add(Missing($"{p}.to", link.To.Value, nodes, "node"));
            if (link.From == link.To) found.Add(c.At(DiagnosticCodes.SelfLoop, $"{p}.to", $"Link '{link.Id}' starts and ends at '{link.From}'."));
            foreach (var commodity in link.AllowedCommodities) if (!commodities.Contains(commodity.Value)) found.Add(Missing($"{p}.commodities", commodity.Value, commodities, "commodity"));
            if (link.BuiltBy is { } option && !options.Contains(option.Value)) found.Add(Missing($"{p}.builtBy", option.Value, options, "option"));
        }

        foreach (var option in n.Options)
        {
            var p = $"options[{option.Id}]";
            foreach (var add in option.CapacityAdds)
            {
                if (add.Link is { } l && !links.Contains(l.Value)) found.Add(Missing($"{p}.capacityAdds[{l}].link", l.Value, links, "link"));
                if (add.Port is { } port)
                {
                    var path = $"{p}.capacityAdds[{port}].port";
                    if (!n.TryGetNode(port, out var target)) found.Add(Missing(path, port.Value, nodes, "port")); // no such node, so missing
                    else if (target.Kind != NodeKind.Port)
                        found.Add(c.At(DiagnosticCodes.BadCapacityAdd, path, $"Option '{option.Id}' adds port capacity to '{port}', which is a {target.Kind.ToString().ToLowerInvariant()}, not a port."));
                }
            }

            foreach (var r in option.Requires) if (!options.Contains(r.Value)) found.Add(Missing($"{p}.requires", r.Value, options, "option"));
            foreach (var x in option.Excludes) if (!options.Contains(x.Value)) found.Add(Missing($"{p}.excludes", x.Value, options, "option"));
        }

        foreach (var rule in n.Rules)
        {
            var p = $"rules[{rule.Id}]";
            switch (rule)
            {
                case AvoidThroughRule avoid:
                    foreach (var m in avoid.Markets)
                    {
                        if (!nodes.Contains(m.Value)) found.Add(Missing($"{p}.markets", m.Value, nodes, "market"));
                        if (n.TryGetNode(m, out var market) && market.Kind != NodeKind.Market)
                            found.Add(c.At(DiagnosticCodes.MissingReference, $"{p}.markets", $"Rule '{rule.Id}' lists '{m}' as a market, but it is a {market.Kind.ToString().ToLowerInvariant()}.", "List market nodes only."));
                    }

                    foreach (var x in avoid.AvoidNodes) if (!nodes.Contains(x.Value)) found.Add(Missing($"{p}.nodes", x.Value, nodes, "node"));
                    foreach (var x in avoid.AvoidLinks) if (!links.Contains(x.Value)) found.Add(Missing($"{p}.links", x.Value, links, "link"));
                    break;
                case ModeBanRule ban:
                    if (!commodities.Contains(ban.Commodity.Value)) found.Add(Missing($"{p}.commodity", ban.Commodity.Value, commodities, "commodity"));
                    break;
            }
        }

        HashSet<string>? all = null; // built once for every scenario's disable list, not once per scenario
        foreach (var scenario in n.Scenarios)
        {
            var p = $"scenarios[{scenario.Id}]";
            foreach (var o in scenario.ForceBuild) if (!options.Contains(o.Value)) found.Add(Missing($"{p}.forceBuild", o.Value, options, "option"));
            foreach (var o in scenario.ForbidBuild) if (!options.Contains(o.Value)) found.Add(Missing($"{p}.forbidBuild", o.Value, options, "option"));
            foreach (var r in scenario.EnableRules) if (!rules.Contains(r.Value)) found.Add(Missing($"{p}.enableRules", r.Value, rules, "rule"));
            foreach (var r in scenario.DisableRules) if (!rules.Contains(r.Value)) found.Add(Missing($"{p}.disableRules", r.Value, rules, "rule"));
            if (!scenario.Disable.IsDefaultOrEmpty) all ??= nodes.Concat(links).Concat(options).ToHashSet(StringComparer.Ordinal);
            foreach (var d in scenario.Disable) if (!all!.Contains(d)) found.Add(Missing($"{p}.disable", d, all!, "node, link or option"));
        }

        return found;
    }

    private static string? Hint(string id, HashSet<string> known) =>
        ElementReader.Suggest(id, known.Order(StringComparer.Ordinal)) is { } close ? $"Did you mean '{close}'?" : null;
}
