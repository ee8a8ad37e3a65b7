using System.Text.Json.Serialization;

using Logistics.Network.IO;
using Logistics.Network.Model;
using Logistics.Optimisation;
using Logistics.Optimisation.Stochastic;

namespace Logistics.Analysis.Uncertainty;

/// <summary>After <see cref="Draws"/> draws: the running mean cost and the half-width of its 95% interval, also relative to the mean.</summary>
public sealed record ConvergencePoint(int Draws, double MeanUsd, double HalfWidthUsd, double RelativeHalfWidth);
