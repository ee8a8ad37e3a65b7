using Logistics.Network.IO.Json;

namespace Logistics.Network.IO.Binding;

/// <summary>
/// A copy of the read tree that scenario changes may write to, copying only what they can reach: the top-level
/// object and, for each collection a change path enters, that collection's list, with deep copies of the elements the
/// path selects by id (the whole collection when it selects by [*], [index] or a [field=value] filter). Everything else is shared with the
/// read tree, which binding never writes. A scenario of one change on a 5,000-node network so copies one element
/// instead of the whole tree (validate copied it twice per scenario).
/// </summary>
internal static class ScratchTree
{
    public static JObject For(JObject root, IReadOnlyCollection<TreeChange> changes)
    {
        if (changes.Count == 0) return root; // nothing writes: share the read tree itself
        var scratch = new JObject(root.Position);
        foreach (var p in root.Properties) scratch.Properties.Add(new JProperty(p.Name, p.NamePosition, p.Value));
        foreach (var group in changes.Select(c => FirstSegment(c.Path)).GroupBy(s => s.Name, StringComparer.Ordinal))
        {
            foreach (var property in scratch.Properties.Where(p => p.Name == group.Key))
            {
                var ids = group.Select(s => s.Selector).ToList();
                property.Value = property.Value is JArray array && ids.All(IsId)
                    ? CopySelected(array, ids.ToHashSet(StringComparer.Ordinal))
                    : property.Value.DeepClone();
            }
        }

        return scratch;
    }

    private static JArray CopySelected(JArray array, HashSet<string?> ids)
    {
        var copy = new JArray(array.Position);
        foreach (var item in array.Items)
            copy.Items.Add(item is JObject element && ids.Contains(TreeOverlay.KeyOf(element)) ? element.DeepClone() : item);
        return copy;
    }

    /// <summary>A selector by id (not [*], an [index] or a [field=value] filter, which may select any element: those copy the whole list).</summary>
    private static bool IsId(string? selector) => selector is not null && selector != "*" && !selector.All(char.IsAsciiDigit) && !selector.Contains('=', StringComparison.Ordinal);

    /// <summary>The first segment's field name and selector; a path that does not parse has no selector (so its field is copied whole).</summary>
    private static (string Name, string? Selector) FirstSegment(string path)
    {
        var dot = path.IndexOf('.', StringComparison.Ordinal);
        var segment = dot < 0 ? path : path[..dot];
        var open = segment.IndexOf('[', StringComparison.Ordinal);
        if (open < 0) return (segment, null);
        var name = segment[..open];
        return segment.EndsWith(']') && segment.Length > open + 2 ? (name, segment[(open + 1)..^1]) : (name, null);
    }
}
