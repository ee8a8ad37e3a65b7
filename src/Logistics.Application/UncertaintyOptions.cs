using Logistics.Analysis.Uncertainty;

namespace Logistics.Application;

/// <summary>
/// The uncertainty study a study includes. It is always of the study's subject: <see cref="StudyRequest.Scenario"/>
/// replaces <see cref="Request"/>'s scenario, so a report of a scenario cannot draw around the file's base.
/// </summary>
/// <param name="Request">Draws, seed, tornado, regret, two-stage settings.</param>
public sealed record UncertaintyOptions(UncertaintyRequest Request)
{
    /// <summary>
    /// The report's rule: leave the two-stage plan out on a plan over time (it has none) instead of refusing the
    /// study, as the <c>uncertainty</c> verb does.
    /// </summary>
    public bool TwoStageOnlyWithoutPeriods { get; init; }

    /// <summary>Called with (draws solved, draws) as draws finish, from solver threads; null for none.</summary>
    public Action<int, int>? Progress { get; init; }
}
