using System.Text.Json.Serialization;

using Logistics.Network.Model;
using Logistics.Optimisation;

namespace Logistics.Analysis;

/// <summary>What a resilience run on a plan over time asks for: the period the outage starts in (null: the first) and its length in years (null: that period's length).</summary>
public sealed record OutageTiming(string? Period = null, int? Years = null);
