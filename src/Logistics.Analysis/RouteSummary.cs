using System.Text.Json.Serialization;

using Logistics.Network.Model;

namespace Logistics.Analysis;

/// <summary>One route in brief: what, from where to where, through which port, how much and at what cost per tonne.</summary>
/// <param name="Path">Node ids in order, joined by " > ".</param>
public sealed record RouteSummary(CommodityId Commodity, NodeId Mine, NodeId Market, NodeId? Port, double TonnesPerYear, double UsdPerTonne, string Path);
