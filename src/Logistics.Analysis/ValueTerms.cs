using System.Collections.Immutable;

namespace Logistics.Analysis;

/// <summary>
/// The value analysis's vocabulary, defined once: the CLI (<c>logistics value</c>), the report and docs/analyses.md use
/// these names and definitions, so "saving" means the same thing wherever a planner reads it.
/// </summary>
public static class ValueTerms
{
    public static ValueTerm Capex { get; } = new("capex", "M USD", "capital cost of the options the row values");

    public static ValueTerm AnnualisedCapex { get; } = new("annualised capex", "M USD/yr", "capex × CRF(r, L), the yearly charge the optimiser uses");

    public static ValueTerm OperatingBenefit { get; } = new("operating benefit", "M USD/yr", "cost(out) − (cost(in) − annualised capex − O&M): the yearly saving before the option's own capex and O&M");

    public static ValueTerm NetBenefit { get; } = new("net benefit", "M USD/yr", "operating benefit − O&M = saving + annualised capex: the yearly cash flow the capex buys");

    public static ValueTerm Saving { get; } = new("saving", "M USD/yr", "cost(out) − cost(in), capex annualised: positive means building pays");

    public static ValueTerm Npv { get; } = new("NPV", "M USD", "net benefit discounted over the horizon, less capex and renewals, plus the residual value");

    public static ValueTerm Irr { get; } = new("IRR", "", "the discount rate at which the NPV is zero (net benefit = capex × CRF(IRR, L))");

    public static ValueTerm Payback { get; } = new("payback", "yr", "capex ÷ net benefit");

    public static ValueTerm BreakEvenCapex { get; } = new("break-even capex", "M USD", "the capex (of every option in the row, scaled together) at which building and not building cost the same");

    public static ValueTerm OwnBreakEvenCapex { get; } = new("own break-even capex", "M USD", "the capex of the row's option alone at which it breaks even, its prerequisites' capex held");

    /// <summary>Every term, in the order the tables show them.</summary>
    public static ImmutableArray<ValueTerm> All { get; } =
        [Capex, AnnualisedCapex, OperatingBenefit, NetBenefit, Saving, Npv, Irr, Payback, BreakEvenCapex, OwnBreakEvenCapex];

    public static ValueTerm BestYear { get; } = new("best year", "", "the year the option enters service in the best schedule with it");

    public static ValueTerm FirstYear { get; } = new("first year", "", "the first period start its lead time allows (construction from the base year)");

    public static ValueTerm PresentValueWith { get; } = new("PV with", "M USD", "present value of the best schedule with the option in service by the last period");

    public static ValueTerm PresentValueWithout { get; } = new("PV without", "M USD", "present value of the best schedule with the option never built");

    public static ValueTerm TimedNpv { get; } = new("NPV", "M USD", "PV without − PV with: what having the option (in its best year) is worth");

    public static ValueTerm PresentValueFirst { get; } = new("PV first", "M USD", "present value of the best schedule with the option in service from its first year");

    public static ValueTerm ValueOfWaiting { get; } = new("value of waiting", "M USD", "PV first − PV with: what building in the best year rather than the first is worth");

    public static ValueTerm TimedBreakEvenCapex { get; } = new("break-even capex", "M USD", "C + NPV ÷ k, k = the present value of one USD of capex in the best year (outlays less residual share), the schedule held");

    public static ValueTerm OwnTimedBreakEvenCapex { get; } = new("own break-even capex", "M USD", "the same for the row's option alone, its prerequisites' capex held");

    public static ValueTerm PaybackYear { get; } = new("payback year", "", "first year (from the first cash flow) from which the cumulative undiscounted net cash flow, residual excluded, stays ≥ 0");

    public static ValueTerm TimedIrr { get; } = new("IRR", "", "the rate at which the yearly cash flows (outlays, savings per period, O&M, residual at the horizon's end) have zero NPV; none when they change sign more than once");

    /// <summary>The terms of a plan over time's table (<c>value</c> on a file with periods), in column order.</summary>
    public static ImmutableArray<ValueTerm> Timed { get; } =
        [Capex, BestYear, FirstYear, PresentValueWith, PresentValueWithout, TimedNpv, PresentValueFirst, ValueOfWaiting, TimedBreakEvenCapex, OwnTimedBreakEvenCapex, PaybackYear, TimedIrr];
}
