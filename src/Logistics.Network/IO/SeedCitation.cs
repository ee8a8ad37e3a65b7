using System.Collections.Immutable;

using Logistics.Network.Diagnostics;
using Logistics.Network.IO.Binding;
using Logistics.Network.IO.Format;
using Logistics.Network.IO.Json;
using Logistics.Network.Model;

namespace Logistics.Network.IO;

/// <summary>Where a seed's figure was published.</summary>
public sealed record SeedCitation(string Title, string Publisher, string Date, string Url);
