using System.Text.Json.Serialization;

using Logistics.Network.IO;
using Logistics.Network.Model;
using Logistics.Optimisation;
using Logistics.Optimisation.Stochastic;

namespace Logistics.Analysis.Uncertainty;

/// <summary>Both plans' mean cost on fresh draws with 95% intervals, and the mean of their paired difference.</summary>
public sealed record OutOfSample(int Draws, int Seed, double? StochasticMeanUsd, double? StochasticHalfWidthUsd, int StochasticInfeasible,
    double? CentralMeanUsd, double? CentralHalfWidthUsd, int CentralInfeasible, double? SavingMeanUsd, double? SavingHalfWidthUsd);
