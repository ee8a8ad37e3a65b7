using System.Text.Json.Serialization;

using Logistics.Network.IO;
using Logistics.Network.Model;
using Logistics.Optimisation;
using Logistics.Optimisation.Stochastic;

namespace Logistics.Analysis.Uncertainty;

/// <summary>Total cost (USD/yr) over the draws with an optimal plan.</summary>
/// <param name="MeanHalfWidth">Half the width of the 95% confidence interval of the mean.</param>
public sealed record CostDistribution(int Solved, double Mean, double MeanHalfWidth, double StandardDeviation, double Min, double P5, double P50, double P95, double Max);
