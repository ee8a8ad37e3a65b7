using System.Text.Json.Serialization;

using Logistics.Network.IO;
using Logistics.Network.Model;
using Logistics.Optimisation.Stochastic;

namespace Logistics.Analysis.Uncertainty;

/// <summary>One seed the draws vary: its distribution and how many figures it moves.</summary>
public sealed record SampledSeed(SeedId Id, SeedDistribution Distribution, double Low, double Central, double High, string Unit, int Figures, string? CorrelationGroup);
