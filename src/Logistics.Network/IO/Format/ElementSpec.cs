using System.Collections.Frozen;
using System.Collections.Immutable;

namespace Logistics.Network.IO.Format;

/// <summary>An object of the format (node, link, …) and its fields, in documentation order.</summary>
public sealed record ElementSpec(string Name, string Title, string Description, ImmutableArray<FieldSpec> Fields)
{
    // The binder looks up every field of every element by name: a dictionary, not a scan of the list.
    private readonly FrozenDictionary<string, int> _byName = Fields.Length <= 64
        ? Fields.Select((f, i) => (f.Name, i)).ToFrozenDictionary(t => t.Name, t => t.i, StringComparer.Ordinal)
        : throw new ArgumentException("An element has at most 64 fields: the binder keeps which are valid in one 64-bit mask.", nameof(Fields));

    public FieldSpec? Field(string name) => _byName.TryGetValue(name, out var index) ? Fields[index] : null;

    /// <summary>The field's place in <see cref="Fields"/>, or -1.</summary>
    internal int IndexOf(string name) => _byName.TryGetValue(name, out var index) ? index : -1;

    /// <summary>The required fields, found once: the reader checks them on every element of a file (thousands).</summary>
    internal ImmutableArray<FieldSpec> RequiredFields { get; } = [.. Fields.Where(f => f.Required)];
}
