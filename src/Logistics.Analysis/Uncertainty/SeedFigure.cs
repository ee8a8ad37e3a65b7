using Logistics.Network.IO;
using Logistics.Network.Model;

namespace Logistics.Analysis.Uncertainty;

/// <summary>A figure a seed moves: its path and its value in the central network.</summary>
public sealed record SeedFigure(string Path, double CentralValue);
