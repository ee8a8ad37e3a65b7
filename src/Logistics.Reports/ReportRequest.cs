using System.Collections.Immutable;

using Logistics.Optimisation;

namespace Logistics.Reports;

/// <summary>
/// What a report bundle should contain: which network, which scenarios (empty = base and every scenario the
/// file defines) and which analyses (empty = the default set: solve, compare, value, resilience).
/// </summary>
/// <param name="NetworkPath">Path of the network file.</param>
/// <param name="Scenarios">Scenario ids to include besides the base.</param>
/// <param name="Analyses">Analysis names: <c>solve</c>, <c>compare</c>, <c>value</c>, <c>sweep</c>, <c>resilience</c>.</param>
/// <param name="SolveTimeLimit">Time limit per solve; null for the solver default.</param>
/// <param name="RelativeGap">Relative MIP gap at which a solve may stop; null for the default.</param>
/// <param name="Solver">Solver backend of every solve (the CLI's <c>--solver</c>); auto picks as <c>solve</c> does.</param>
public sealed record ReportRequest(
    string NetworkPath,
    ImmutableArray<string> Scenarios,
    ImmutableArray<string> Analyses,
    TimeSpan? SolveTimeLimit = null,
    double? RelativeGap = null,
    SolverBackend Solver = SolverBackend.Auto)
{
    /// <summary>
    /// The scenario the report is of (the CLI's <c>--scenario</c>, a job's <c>scenario</c>): applied to the network before
    /// anything is solved, so the plan, the maps and every analysis are the scenario's; null for the file's base.
    /// </summary>
    public string? Scenario { get; init; }

    /// <summary>Also run an uncertainty study and add its section, charts and draws CSV to the bundle; null for none.</summary>
    public ReportUncertainty? Uncertainty { get; init; }
}
