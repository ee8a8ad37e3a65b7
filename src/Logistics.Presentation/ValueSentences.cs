using System.Collections.Immutable;
using System.Globalization;

using Logistics.Analysis;
using Logistics.Network.Model;
using Logistics.Optimisation;

namespace Logistics.Presentation;

/// <summary>
/// Words an option valuation for people: what was forced against what, and what the answer means, in one sentence.
/// The analysis returns the figures (<see cref="OptionValuation"/>); the command line's value verb and the report
/// both print this sentence under their tables, so it is composed once, here, with the one money format.
/// </summary>
public static class ValueSentences
{
    /// <summary>The sentence for a row of a one-period valuation, or of a plan over time when <see cref="OptionValuation.Timing"/> is set.</summary>
    public static string Explain(OptionValuation valuation)
    {
        ArgumentNullException.ThrowIfNull(valuation);
        return valuation.Timing is { } timing ? ExplainTimed(valuation, timing) : ExplainYearly(valuation);
    }

    private static string ExplainYearly(OptionValuation v)
    {
        var prerequisites = Prerequisites(v);
        var forced = v.Kind switch
        {
            ValuationKind.Bundle => $"{v.Option} forced in with what it requires ({prerequisites}) against {v.Option} forced out",
            ValuationKind.GivenPrerequisites => $"{v.Option} forced in against forced out, {prerequisites} forced in for both",
            _ => $"{v.Option} forced in against forced out",
        };
        var optimum = Optimum(v);
        if (Indispensable(v))
            return $"{forced}: indispensable, without it no plan meets every constraint (everything must ship), so it has no finite value; {optimum}.";
        if (v.AnnualSavingUsd is not { } s || v.NpvUsd is not { } n || v.BreakEvenCapexUsd is not { } b)
            return $"{forced}: no answer, the forced-in solve is {Word(v.InStatus)} and the forced-out solve {Word(v.OutStatus)}.";

        var verdict = s >= 0 ? $"building saves {MoneyFormat.WithUnit(s)}/yr" : $"building costs {MoneyFormat.WithUnit(-s)}/yr more";
        var pays = b > 0 ? $"it pays at a capex up to {MoneyFormat.WithUnit(b)}{ShareOfCapex(b, v.CapexUsd)}" : "it would not pay even at zero capex";
        return $"{forced}: {verdict}, NPV {MoneyFormat.WithUnit(n)}; {pays}; {optimum}.";
    }

    private static string ExplainTimed(OptionValuation v, TimedValuation t)
    {
        var prerequisites = Prerequisites(v);
        var forced = v.Kind switch
        {
            ValuationKind.Bundle => $"{v.Option} with what it requires ({prerequisites}) in service, each in its best year, against {v.Option} never built",
            ValuationKind.GivenPrerequisites => $"{v.Option} in service against never built, {prerequisites} in service in both",
            _ => $"{v.Option} in service against never built",
        };
        var optimum = Optimum(v);
        if (Indispensable(v))
            return $"{forced}: indispensable, without it no plan meets every constraint in some period, so it has no finite value; {optimum}.";
        if (t.NpvUsd is not { } npv || t.BestYear is not { } best)
            return $"{forced}: no answer, the solve with it is {Word(v.InStatus)} and the one without it {Word(v.OutStatus)}.";

        var verdict = npv >= 0
            ? $"its best year is {best}, where it is worth {MoneyFormat.WithUnit(npv)} in present value"
            : $"even in its best year, {best}, it costs {MoneyFormat.WithUnit(-npv)} more in present value than not building it";
        var wait = t.ValueOfWaitingUsd switch
        {
            null => $"it cannot be forced in from {t.FirstPossibleYear} ({Word(t.FirstYearStatus)})",
            0 => $"building as early as possible ({t.FirstPossibleYear}) is best",
            { } w => $"waiting until {best} rather than building for {t.FirstPossibleYear} is worth {MoneyFormat.WithUnit(w)}",
        };
        var pays = t.BreakEvenCapexUsd is { } b
            ? b > 0 ? $"it pays at a capex up to {MoneyFormat.WithUnit(b)}{ShareOfCapex(b, v.CapexUsd)}" : "it would not pay even at zero capex"
            : "no break-even capex";
        var payback = t.PaybackYear is { } y ? $"pays back in {y}" : "does not pay back by the horizon's end";
        return $"{forced}: {verdict}; {wait}; {pays}; {payback}; {optimum}.";
    }

    /// <summary>The forced-in solve has a plan and the forced-out one has none: the option cannot be done without.</summary>
    private static bool Indispensable(OptionValuation v) =>
        v.InStatus is SolveStatus.Optimal or SolveStatus.Feasible && v.OutStatus == SolveStatus.Infeasible;

    private static string Optimum(OptionValuation v) => $"the optimum {(v.BuiltInOptimum ? "builds" : "does not build")} {v.Label}";

    /// <summary>
    /// What the row's option requires, sorted: for a bundle the valued options besides it, for a given-prerequisites row
    /// the options its "in" solve forces besides it (both lists are sorted, as the analysis plans them).
    /// </summary>
    private static string Prerequisites(OptionValuation v)
    {
        ImmutableArray<OptionId> withIt = v.Kind == ValuationKind.Bundle ? v.Valued : v.ForcedIn;
        return string.Join(", ", withIt.Where(o => o != v.Option));
    }

    private static string ShareOfCapex(double breakEven, double capex) =>
        capex > 0 ? string.Create(CultureInfo.InvariantCulture, $" ({breakEven / capex:0%} of its capex)") : "";

    private static string Word(SolveStatus status) => status.ToString().ToLowerInvariant();
}
