using Logistics.Analysis;
using Logistics.Network.Diagnostics;
using Logistics.Network.IO;
using Logistics.Network.Model;
using Logistics.Optimisation;

namespace Logistics.Reports;

/// <summary>One solved variant (the base or a scenario), as the tables list it.</summary>
/// <param name="Scenario">Scenario id; <c>base</c> for the base network.</param>
public sealed record SolvedVariant(string Scenario, string Name, OptimisationResult Result);
