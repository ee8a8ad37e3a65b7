using System.Text.Json.Serialization;

using Logistics.Network.Model;
using Logistics.Optimisation;

namespace Logistics.Analysis;

/// <summary>One cost category's total, USD/yr, and its difference from the base (null for the base or without a base solution).</summary>
public sealed record CategoryCost(CostCategory Category, double UsdPerYear, double? DeltaFromBaseUsd);
