using System.Text.Json.Serialization;

using Logistics.Network.IO;
using Logistics.Network.Model;
using Logistics.Optimisation.Stochastic;

namespace Logistics.Analysis.Uncertainty;

/// <summary>An option a plan builds, and for a plan over time the year it enters service.</summary>
public sealed record PlannedBuild(OptionId Option, int? Year)
{
    public override string ToString() => Year is { } y ? $"{Option} ({y})" : Option.Value;
}
