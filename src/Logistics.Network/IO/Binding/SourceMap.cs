using Logistics.Network.IO.Json;

namespace Logistics.Network.IO.Binding;

/// <summary>
/// Id-form paths (<c>links[rohri-quetta].from</c>) → where they were written, so checks that run on the bound
/// snapshot still report a file, line and column. Lookups fall back to the nearest enclosing element.
/// </summary>
public sealed class SourceMap
{
    private readonly Dictionary<string, SourcePosition> _positions = new(StringComparer.Ordinal);

    internal void Add(string path, SourcePosition position) => _positions.TryAdd(path, position);

    /// <summary>The position of <paramref name="path"/>, or of its closest recorded parent; null if none.</summary>
    public SourcePosition? Find(string path)
    {
        var current = path;
        while (current.Length > 0)
        {
            if (_positions.TryGetValue(current, out var position)) return position;
            var cut = Math.Max(current.LastIndexOf('.'), current.LastIndexOf('['));
            if (cut <= 0) break;
            current = current[..cut];
        }

        return null;
    }
}

/// <summary>A figure as read from the file: where it is and the seed it cites, for the provenance checks.</summary>
/// <param name="Field">The field name (lat and lon compare with a seed's point).</param>
/// <param name="Adjusted">A scenario multiplied or added to it, so it need not equal its seed.</param>
/// <param name="Computed">Not written in the file (a great-circle length); no source is expected.</param>
public sealed record FigureRecord(
    string Path,
    string Field,
    double Value,
    string Unit,
    string? Source,
    SourcePosition Position,
    SourcePosition SourcePosition,
    bool Adjusted,
    bool Computed);
