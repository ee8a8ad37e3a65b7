using System.Collections.Immutable;

using Logistics.Network.Diagnostics;
using Logistics.Network.IO.Binding;
using Logistics.Network.IO.Format;
using Logistics.Network.IO.Json;
using Logistics.Network.Model;

namespace Logistics.Network.IO;

/// <summary>How sure a seed is. <see cref="Assumption"/> has no source; its low/high range says how unsure.</summary>
public enum SeedConfidence
{
    High,
    Medium,
    Low,
    Assumption,
}
