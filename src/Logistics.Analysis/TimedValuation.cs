using System.Collections.Immutable;

using Logistics.Optimisation;

namespace Logistics.Analysis;

/// <summary>
/// The value of one option (or bundle) of a plan over time (docs/analyses.md, "value with timing"): three solves of
/// the whole horizon, each a present value in base-year real USD. Null figures: the solve they need has no solution.
/// </summary>
/// <param name="BestYear">The year the row's option enters service in the best schedule with it.</param>
/// <param name="FirstPossibleYear">The first period start at which the row's options can all be in service (lead times).</param>
/// <param name="PresentValueWithUsd">The best schedule with the options in service by the last period (each in its best year).</param>
/// <param name="PresentValueWithoutUsd">The best schedule with the option forced out.</param>
/// <param name="PresentValueFirstYearUsd">The best schedule with the options forced in from <see cref="FirstPossibleYear"/>.</param>
/// <param name="NpvUsd">PV without − PV with: what having the option is worth, in base-year USD.</param>
/// <param name="ValueOfWaitingUsd">PV at the first possible year − PV with (best year): what building in the best year rather than as early as possible is worth (≥ 0).</param>
/// <param name="BreakEvenCapexUsd">Capex of the row's options, scaled together, at which PV with = PV without, the best schedule held: C + NPV ÷ k (docs/analyses.md).</param>
/// <param name="BreakEvenOwnCapexUsd">The row's option's own capex at which PV with = PV without, every other capex and the schedule held.</param>
/// <param name="PaybackYear">The first year, counted from the first with a cash flow, from which the cumulative undiscounted net cash flow (residual excluded) stays at or above zero; null if it ends below.</param>
/// <param name="Irr">The rate at which the NPV of <see cref="CashFlows"/> is zero (the residual at the horizon's end discounted at that rate); null when none in [−99%, 1000%], or when the flows change sign more than once (several rates could zero them).</param>
/// <param name="CashFlows">Yearly incremental cash flows of the best schedule with the option against the one without, from the base year to the horizon's end.</param>
/// <param name="ScheduleWith">The schedule of the "with" solve.</param>
/// <param name="ScheduleWithout">The schedule of the "without" solve.</param>
/// <param name="ScheduleFirstYear">The schedule of the "first possible year" solve.</param>
/// <param name="FirstYearStatus">Status of the "first possible year" solve.</param>
public sealed record TimedValuation(
    int? BestYear,
    int FirstPossibleYear,
    double? PresentValueWithUsd,
    double? PresentValueWithoutUsd,
    double? PresentValueFirstYearUsd,
    double? NpvUsd,
    double? ValueOfWaitingUsd,
    double? BreakEvenCapexUsd,
    double? BreakEvenOwnCapexUsd,
    int? PaybackYear,
    double? Irr,
    ImmutableArray<YearlyCashFlow> CashFlows,
    ImmutableArray<ScheduledOption> ScheduleWith,
    ImmutableArray<ScheduledOption> ScheduleWithout,
    ImmutableArray<ScheduledOption> ScheduleFirstYear,
    SolveStatus FirstYearStatus);
