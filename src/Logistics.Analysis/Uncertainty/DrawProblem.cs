using System.Text.Json.Serialization;

using Logistics.Network.IO;
using Logistics.Network.Model;
using Logistics.Optimisation;

namespace Logistics.Analysis.Uncertainty;

/// <summary>A draw without an optimal plan: its index, status and the optimiser's explanation.</summary>
public sealed record DrawProblem(int Draw, SolveStatus Status, string Explanation);
