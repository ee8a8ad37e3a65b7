using System.Collections.Immutable;

using Logistics.Network.IO.Binding;
using Logistics.Network.IO.Format;
using Logistics.Network.IO.Json;
using Logistics.Network.Model;

namespace Logistics.Network.IO;

/// <summary>Seeds sampled together with one rank (Spearman) correlation between every pair.</summary>
public sealed record SeedCorrelationGroup(string Id, ImmutableArray<SeedId> Seeds, double RankCorrelation, string Note, string File);
