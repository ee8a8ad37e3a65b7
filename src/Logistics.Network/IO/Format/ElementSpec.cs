using System.Collections.Frozen;
using System.Collections.Immutable;

namespace Logistics.Network.IO.Format;

/// <summary>An object of the format (node, link, …) and its fields, in documentation order.</summary>
public sealed record ElementSpec(string Name, string Title, string Description, ImmutableArray<FieldSpec> Fields)
{
    // The binder looks up every field of every element by name: a dictionary, not a scan of the list.
    private readonly FrozenDictionary<string, FieldSpec> _byName = Fields.ToFrozenDictionary(f => f.Name, StringComparer.Ordinal);

    public FieldSpec? Field(string name) => _byName.GetValueOrDefault(name);

    /// <summary>The required fields, found once: the reader checks them on every element of a file (thousands).</summary>
    internal ImmutableArray<FieldSpec> RequiredFields { get; } = [.. Fields.Where(f => f.Required)];
}
