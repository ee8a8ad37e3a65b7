using System.Collections.Immutable;

using Logistics.Network.Diagnostics;
using Logistics.Network.IO.Binding;
using Logistics.Network.IO.Format;
using Logistics.Network.IO.Json;
using Logistics.Network.Model;

namespace Logistics.Network.IO;

/// <summary>Another published value for the same quantity.</summary>
public sealed record SeedAlternative(double Value, SeedCitation? Source, string Note);
