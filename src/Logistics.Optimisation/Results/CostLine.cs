using Logistics.Network.Model;

namespace Logistics.Optimisation;

/// <summary>One line of the cost breakdown: a category for one commodity (or <see cref="CostBreakdown.SharedBucket"/>).</summary>
public sealed record CostLine(CostCategory Category, string Bucket, double UsdPerYear);
