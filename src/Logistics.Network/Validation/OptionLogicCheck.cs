using Logistics.Network.Diagnostics;

using QuikGraph;
using QuikGraph.Algorithms;

namespace Logistics.Network.Validation;

/// <summary>Options' requires must not form a cycle, and an option must not require what it excludes.</summary>
public static class OptionLogicCheck
{
    public static IEnumerable<Diagnostic> Run(ValidationContext c)
    {
        var graph = new AdjacencyGraph<string, Edge<string>>();
        foreach (var option in c.Network.Options)
        {
            graph.AddVertex(option.Id.Value);
            foreach (var required in option.Requires.Where(r => c.Network.TryGetOption(r, out _)))
                graph.AddVerticesAndEdge(new Edge<string>(option.Id.Value, required.Value));
        }

        var components = new Dictionary<string, int>(StringComparer.Ordinal);
        graph.StronglyConnectedComponents(components);
        foreach (var group in components.GroupBy(kv => kv.Value).Select(g => g.Select(kv => kv.Key).Order(StringComparer.Ordinal).ToList()).OrderBy(g => g[0], StringComparer.Ordinal))
        {
            var selfLoop = group.Count == 1 && graph.OutEdges(group[0]).Any(e => e.Target == group[0]);
            if (group.Count > 1 || selfLoop)
            {
                yield return c.At(DiagnosticCodes.RequirementCycle, $"options[{group[0]}].requires",
                    $"Options {string.Join(", ", group.Select(g => $"'{g}'"))} require each other in a cycle, so none can be built.");
            }
        }

        foreach (var option in c.Network.Options)
        {
            foreach (var both in option.Requires.Intersect(option.Excludes))
                yield return c.At(DiagnosticCodes.RequiresExcluded, $"options[{option.Id}].excludes", $"Option '{option.Id}' both requires and excludes '{both}'.");
            if (option.Excludes.Contains(option.Id))
                yield return c.At(DiagnosticCodes.RequiresExcluded, $"options[{option.Id}].excludes", $"Option '{option.Id}' excludes itself, so it can never be built.");
        }
    }
}
