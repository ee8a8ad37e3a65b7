using Logistics.Analysis.Uncertainty;
using Logistics.Application;

namespace Logistics.Reports;

/// <summary>
/// The uncertainty study a report bundle includes when asked (<c>report --uncertainty-draws N --seed K</c>, or a worker
/// job of kind <c>uncertainty</c>): Monte Carlo over the register's ranges, tornado and regret (docs/analyses.md,
/// "Uncertainty"). The settings go into the manifest, so the numbers can be redone.
/// </summary>
/// <param name="Draws">Latin hypercube draws, each solved to optimality (at least 2).</param>
/// <param name="Seed">Seed of the random numbers: the same seed gives the same section.</param>
/// <param name="TwoStageDraws">Draws of the two-stage plan's extensive form (VSS, EVPI); 0 skips it. One-period files only.</param>
public sealed record ReportUncertainty(int Draws, int Seed, int TwoStageDraws = 0)
{
    /// <summary>Most candidate plans (the most frequent optima, with the central plan) evaluated for regret.</summary>
    public int MaxCandidatePlans { get; init; } = 6;

    /// <summary>
    /// The study's uncertainty options: with tornado and regret, and the two-stage plan only for a file without
    /// periods. The study runs it on the report's subject (its scenario, when it has one).
    /// </summary>
    public UncertaintyOptions Options() =>
        new(new UncertaintyRequest(Draws, Seed, Scenario: null, Tornado: true, Regret: true, TwoStageDraws: TwoStageDraws, MaxCandidatePlans: MaxCandidatePlans)) { TwoStageOnlyWithoutPeriods = true };
}
