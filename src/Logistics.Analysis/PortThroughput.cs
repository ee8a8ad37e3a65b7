using System.Text.Json.Serialization;

using Logistics.Network.Model;

namespace Logistics.Analysis;

/// <summary>Tonnes per year through one port, and its share of all port throughput (0–1).</summary>
public sealed record PortThroughput(NodeId Port, double TonnesPerYear, double Share);
