using Logistics.Network.IO.Json;
using Logistics.Network.Model;

namespace Logistics.Network.IO.Binding;

/// <summary>One numeric change to apply to the tree, with where it was written (for its diagnostics and the new value's position).</summary>
/// <param name="Period">A scenario change that names a period acts from that period on (plans over time); null: every period.</param>
public sealed record TreeChange(string Path, ChangeOperation Operation, double Value, string? Source, SourcePosition Position, string? Period = null);
