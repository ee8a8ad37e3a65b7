using System.Collections.Immutable;
using System.Text.Json.Serialization;

using Logistics.Network.Model;
using Logistics.Optimisation;

namespace Logistics.Analysis;

/// <summary>
/// One option (or bundle) valued from two forced solves. Money is USD; annual figures are USD/yr.
/// Every figure derived from the solves is null when either solve has no solution.
/// </summary>
/// <param name="Option">The option valued.</param>
/// <param name="Label">How the row is shown, e.g. <c>pasni-package + minlink-north</c>.</param>
/// <param name="Valued">The options whose capex and O&amp;M the row charges (the option, plus its prerequisites for a bundle), sorted.</param>
/// <param name="ForcedIn">Options forced in by the "in" solve (<see cref="Valued"/>, plus the prerequisites held in a given-prerequisites row).</param>
/// <param name="ForcedOut">Options forced out by the "out" solve (the option; dependants follow through the model's requires rows).</param>
/// <param name="BuiltInOptimum">True when the free solve builds every option in <see cref="Valued"/>.</param>
/// <param name="CapexUsd">Total capex of <see cref="Valued"/>.</param>
/// <param name="AnnualisedCapexUsd">Total annualised capex of <see cref="Valued"/> (capital recovery factor over each lifetime).</param>
/// <param name="FixedOmUsdPerYear">Total fixed O&amp;M of <see cref="Valued"/>.</param>
/// <param name="LifetimeYears">Capex-weighted lifetime of <see cref="Valued"/>, rounded (the lifetime itself for one option).</param>
/// <param name="CostInUsd">Objective of the forced-in solve.</param>
/// <param name="CostOutUsd">Objective of the forced-out solve.</param>
/// <param name="BuildsIn">Everything the forced-in solve builds (the rest re-optimises).</param>
/// <param name="BuildsOut">Everything the forced-out solve builds.</param>
/// <param name="OperatingBenefitUsd">cost(out) − (cost(in) − annualised capex − O&amp;M of <see cref="Valued"/>): the yearly saving before the option's own costs.</param>
/// <param name="NetBenefitUsd">Operating benefit − O&amp;M: the yearly cash flow the capex buys.</param>
/// <param name="AnnualSavingUsd">cost(out) − cost(in): the net saving per year with capex annualised (positive: building pays).</param>
/// <param name="NpvUsd">Σ_{t=1..H} net/(1+r)^t − capex (+ renewals) + discounted residual value (docs/analyses.md).</param>
/// <param name="Irr">Internal rate of return of the same cash flows (bisection); null when the net benefit is never positive or no rate in [−99%, 1000%] zeroes the NPV.</param>
/// <param name="PaybackYears">Capex ÷ net benefit; null when the net benefit is not positive.</param>
/// <param name="BreakEvenCapexUsd">Capex at which the annualised capex equals the net benefit (building and not building cost the same); ≤ 0 when it never pays.</param>
/// <param name="InStatus">Status of the forced-in solve.</param>
/// <param name="OutStatus">Status of the forced-out solve.</param>
public sealed record OptionValuation(
    OptionId Option,
    ValuationKind Kind,
    string Label,
    ImmutableArray<OptionId> Valued,
    ImmutableArray<OptionId> ForcedIn,
    ImmutableArray<OptionId> ForcedOut,
    bool BuiltInOptimum,
    double CapexUsd,
    double AnnualisedCapexUsd,
    double FixedOmUsdPerYear,
    int LifetimeYears,
    SolveStatus InStatus,
    SolveStatus OutStatus,
    double? CostInUsd,
    double? CostOutUsd,
    ImmutableArray<OptionId> BuildsIn,
    ImmutableArray<OptionId> BuildsOut,
    double? OperatingBenefitUsd,
    double? NetBenefitUsd,
    double? AnnualSavingUsd,
    double? NpvUsd,
    double? Irr,
    double? PaybackYears,
    double? BreakEvenCapexUsd)
{
    /// <summary>
    /// The capex of <see cref="Option"/> alone at which building and not building cost the same, every other option's
    /// capex held: capex + saving ÷ CRF(r, lifetime). Equals <see cref="BreakEvenCapexUsd"/> for a single option; for a
    /// bundle it answers "at what price does this option pay, given what its prerequisites cost?".
    /// </summary>
    public double? BreakEvenOwnCapexUsd { get; init; }

    /// <summary>
    /// For a plan over time, the valuation with timing (present values, value of waiting, yearly cash flows); then
    /// the cost figures above are present values, and the per-year ones (operating benefit, net benefit, saving,
    /// payback in years) are null. Null, and absent from JSON, for a one-period network.
    /// </summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public TimedValuation? Timing { get; init; }
}
