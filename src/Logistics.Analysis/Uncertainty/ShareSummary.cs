using System.Text.Json.Serialization;

using Logistics.Network.IO;
using Logistics.Network.Model;
using Logistics.Optimisation;
using Logistics.Optimisation.Stochastic;

namespace Logistics.Analysis.Uncertainty;

/// <summary>An element's share of tonnes (ports: of port throughput; routes: of tonnes delivered), mean over solved draws, and how often it is used.</summary>
public sealed record ShareSummary(string Element, double MeanShare, double MeanTonnes, double UsedInShare);
