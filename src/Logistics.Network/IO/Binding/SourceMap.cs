using Logistics.Network.IO.Json;

namespace Logistics.Network.IO.Binding;

/// <summary>
/// Id-form paths (<c>links[rohri-quetta].from</c>) → where they were written, so checks that run on the bound
/// snapshot still report a file, line and column. Lookups fall back to the nearest enclosing element.
/// </summary>
public sealed class SourceMap
{
    // Elements only (about one entry per node, link, supply, …); a field's position is read from its element's object
    // when asked, so a bind does not format and store a path for every field of a 5,000-node network.
    private readonly Dictionary<string, JObject> _elements = new(StringComparer.Ordinal);

    internal void Add(string elementPath, JObject element) => _elements.TryAdd(elementPath, element);

    /// <summary>The position of <paramref name="path"/>, or of its closest recorded parent; null if none.</summary>
    public SourcePosition? Find(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var current = path;
        while (current.Length > 0)
        {
            if (_elements.TryGetValue(current, out var element)) return element.Position;
            var dot = current.LastIndexOf('.');
            if (dot > 0 && current.IndexOf('[', dot) < 0 && _elements.TryGetValue(current[..dot], out var parent) && FirstProperty(parent, current[(dot + 1)..]) is { } property)
                return property.Value.Position;
            var cut = Math.Max(dot, current.LastIndexOf('['));
            if (cut <= 0) break;
            current = current[..cut];
        }

        return null;
    }

    /// <summary>The first property of that name: where a field written twice was first written.</summary>
    private static JProperty? FirstProperty(JObject element, string name)
    {
        foreach (var property in element.Properties)
        {
            if (string.Equals(property.Name, name, StringComparison.Ordinal)) return property;
        }

        return null;
    }
}
