using System.Collections.Immutable;

using Logistics.Network.Diagnostics;
using Logistics.Network.IO.Binding;
using Logistics.Network.IO.Format;
using Logistics.Network.IO.Json;
using Logistics.Network.Model;

namespace Logistics.Network.IO;

/// <summary>A coordinate held by a seed (node positions).</summary>
public sealed record SeedPoint(double Latitude, double Longitude);
