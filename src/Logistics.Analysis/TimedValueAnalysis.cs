using System.Collections.Immutable;

using Logistics.Network.Model;
using Logistics.Optimisation;
using Logistics.Optimisation.Periods;

namespace Logistics.Analysis;

/// <summary>
/// <c>value</c> on a plan over time (docs/analyses.md, "value with timing"). Each row of <see cref="ValueAnalysis"/>'s
/// plan is answered by three solves of the whole horizon: with (the options in service by the last period, in their
/// best year), without (the option forced out) and at the first possible year (forced in from the first period start
/// its lead times allow). Every objective is a present value in base-year real USD, so NPV, the value of waiting and
/// the break-even capex are differences of present values; payback and IRR come from the yearly cash flows of the
/// "with" schedule against the "without" one.
/// </summary>
internal static class TimedValueAnalysis
{
    /// <summary>One option's forced decision in a solve: in from a year, or out in every period.</summary>
    private sealed record Forcing(OptionId Option, BuildDecision Decision, int? Year);

    public static ValueReport Run(NetworkSnapshot network, AnalysisSettings settings, OptionId? only, CancellationToken cancellationToken)
    {
        var rows = ValueAnalysis.Plan(network, only);
        var lastStart = network.Periods[^1].StartYear;
        var variants = new List<ImmutableArray<Forcing>> { ImmutableArray<Forcing>.Empty };
        int IndexOf(IEnumerable<Forcing> forcings)
        {
            ImmutableArray<Forcing> key = [.. forcings.OrderBy(f => f.Option)];
            var i = variants.FindIndex(v => v.SequenceEqual(key));
            if (i >= 0) return i;
            variants.Add(key);
            return variants.Count - 1;
        }

        var indexed = rows.Select(r =>
        {
            var first = FirstPossibleYear(network, r.InSolveIn);
            var held = r.InSolveIn.Except(r.Valued);
            return (Row: r, First: first,
                With: IndexOf(r.InSolveIn.Select(o => new Forcing(o, BuildDecision.ForcedIn, lastStart))),
                Without: IndexOf([.. r.OutSolveIn.Select(o => new Forcing(o, BuildDecision.ForcedIn, lastStart)), .. r.OutSolveOut.Select(o => new Forcing(o, BuildDecision.ForcedOut, null))]),
                Early: IndexOf([.. r.Valued.Select(o => new Forcing(o, BuildDecision.ForcedIn, first)), .. held.Select(o => new Forcing(o, BuildDecision.ForcedIn, lastStart))]));
        }).ToList();

        var scheduler = new SolveScheduler(settings);
        var results = scheduler.SolveAll([.. variants.Select(v => new SolveJob(WithForcings(network, v)))], cancellationToken);
        var optimum = results[0];
        var optimumBuilds = Outcomes.Built(optimum);
        var valuations = indexed.Select(x => Value(network, x.Row, x.First, optimumBuilds, results[x.With], results[x.Without], results[x.Early])).ToImmutableArray();
        return new ValueReport(network.AppliedScenario?.Value, network.Metadata.DiscountRate, network.HorizonEndYear - network.Metadata.BaseYear,
            optimum.Status, optimum.Objective, optimumBuilds, valuations)
        {
            Tally = scheduler.Tally,
            Timeline = new ValueTimeline(network.Metadata.BaseYear, network.Periods[0].StartYear, network.HorizonEndYear - 1, ScheduledOption.Of(optimum)),
        };
    }

    /// <summary>The first period start at which every one of <paramref name="options"/> can be in service (their lead times from the base year).</summary>
    public static int FirstPossibleYear(NetworkSnapshot network, IEnumerable<OptionId> options)
    {
        var earliest = options.Select(o => OptionCashFlows.EarliestServiceYear(network.Option(o), network.Metadata.BaseYear)).DefaultIfEmpty(network.Metadata.BaseYear).Max();
        return network.Periods.Select(p => p.StartYear).Where(s => s >= earliest).DefaultIfEmpty(network.Periods[^1].StartYear).First();
    }

    private static NetworkSnapshot WithForcings(NetworkSnapshot network, ImmutableArray<Forcing> forcings)
    {
        var builder = NetworkBuilder.From(network);
        foreach (var f in forcings)
            builder.SetDecision(f.Option, f.Decision, f.Year);
        return builder.Build();
    }

    private static OptionValuation Value(NetworkSnapshot network, ValueAnalysis.Row row, int firstYear, ImmutableArray<OptionId> optimumBuilds,
        OptimisationResult with, OptimisationResult without, OptimisationResult early)
    {
        var options = row.Valued.Select(network.Option).ToList();
        var capex = options.Sum(o => o.CapexUsd);
        var annualised = options.Sum(o => o.CapexUsd * Finance.CapitalRecoveryFactor(network.Metadata.DiscountRate, o.LifetimeYears));
        var om = options.Sum(o => o.FixedOmUsdPerYear);
        var lifetime = capex > 0 ? (int)Math.Round(options.Sum(o => o.CapexUsd * o.LifetimeYears) / capex) : options.Max(o => o.LifetimeYears);
        var label = ValueAnalysis.Label(row);
        var discounting = Discounting.For(network);
        var withSchedule = ScheduledOption.Of(with);
        int? bestYear = withSchedule.FirstOrDefault(s => s.Option == row.Option)?.ServiceYear;

        double? npv = null, waiting = null, breakEven = null, ownBreakEven = null, irr = null;
        int? payback = null;
        ImmutableArray<YearlyCashFlow> flows = [];
        if (with.Objective is { } pvWith && without.Objective is { } pvWithout)
        {
            npv = Tidy(pvWithout - pvWith, pvWith);
            flows = CashFlows(network, discounting, with, without);
            // Capex enters the "with" present value as capex × k: outlays discounted, less the residual share at the horizon's end.
            var weighted = options.Sum(o => o.CapexUsd * CapexWeight(o, ServiceYear(withSchedule, o.Id, bestYear), discounting));
            if (weighted > 0)
                breakEven = capex + (npv.Value / (weighted / capex));
            var own = network.Option(row.Option);
            var ownWeight = CapexWeight(own, bestYear, discounting);
            if (ownWeight > 0)
                ownBreakEven = own.CapexUsd + (npv.Value / ownWeight);
            var net = flows.Select(f => f.NetUsd).ToArray();
            // Flows that change sign more than once (the plan without the option spends earlier, say) may have several
            // rates that zero them, or one that contradicts the NPV's sign: no IRR is reported then.
            irr = Finance.SignChanges(net) == 1 ? Finance.InternalRateOfReturn(net) : null;
            payback = PaybackYear(flows);
        }

        if (with.Objective is { } a && early.Objective is { } b)
            waiting = Tidy(b - a, a);

        var builtInOptimum = !optimumBuilds.IsEmpty && row.Valued.All(optimumBuilds.Contains);
        var timing = new TimedValuation(bestYear, firstYear, with.Objective, without.Objective, early.Objective, npv, waiting, breakEven, ownBreakEven,
            payback, irr, flows, withSchedule, ScheduledOption.Of(without), ScheduledOption.Of(early), early.Status);
        return new OptionValuation(row.Option, row.Kind, label, row.Valued, row.InSolveIn, row.OutSolveOut, builtInOptimum,
            capex, annualised, om, lifetime, with.Status, without.Status, with.Objective, without.Objective,
            Outcomes.Built(with), Outcomes.Built(without), null, null, null, npv, irr, null, breakEven)
        {
            BreakEvenOwnCapexUsd = ownBreakEven,
            Timing = timing,
        };
    }

    private static int? ServiceYear(ImmutableArray<ScheduledOption> schedule, OptionId option, int? fallback) =>
        schedule.FirstOrDefault(s => s.Option == option)?.ServiceYear ?? fallback;

    /// <summary>
    /// k: the present value one USD of the option's capex adds to a plan that puts it in service in
    /// <paramref name="serviceYear"/>: its outlays discounted, less the residual share (life − years used) ÷ life
    /// discounted from the horizon's end. O&amp;M does not scale with capex.
    /// </summary>
    public static double CapexWeight(InvestmentOption option, int? serviceYear, Discounting discounting)
    {
        if (serviceYear is not { } year) return 0;
        var unit = OptionCashFlows.PresentValue(option with { CapexUsd = 1, FixedOmUsdPerYear = 0 }, year, discounting);
        return unit.Capex - unit.Residual;
    }

    /// <summary>
    /// The yearly cash flows of the "with" plan against the "without" plan, base year to horizon's end (the residual
    /// sits in the year after the last): each period's yearly operating saving in each of its years, and each plan's
    /// capex outlays, O&amp;M and residual values from its schedule (every option, as both plans re-optimise).
    /// Their NPV at the discount rate is PV without − PV with.
    /// </summary>
    public static ImmutableArray<YearlyCashFlow> CashFlows(NetworkSnapshot network, Discounting discounting, OptimisationResult with, OptimisationResult without)
    {
        var baseYear = network.Metadata.BaseYear;
        var end = network.HorizonEndYear;
        var years = end - baseYear + 1;
        var saving = new double[years];
        var capex = new double[years];
        var om = new double[years];
        var residual = new double[years];
        for (var p = 0; p < network.Periods.Length; p++)
        {
            var period = network.Periods[p];
            var yearly = without.Periods[p].YearlyCosts.Total - with.Periods[p].YearlyCosts.Total;
            for (var t = period.StartYear; t <= period.EndYear; t++)
                saving[t - baseYear] += yearly;
        }

        void AddPlan(OptimisationResult result, double sign)
        {
            foreach (var build in result.Schedule)
            {
                var option = network.Option(build.Id);
                foreach (var (year, usd) in OptionCashFlows.CapexOutlays(option, build.ServiceYear))
                    capex[year - baseYear] += sign * usd;
                for (var t = build.ServiceYear; t < end; t++)
                    om[t - baseYear] += sign * option.FixedOmUsdPerYear;
                residual[end - baseYear] += sign * OptionCashFlows.Residual(option, build.ServiceYear, end);
            }
        }

        AddPlan(with, 1);
        AddPlan(without, -1);
        return [.. Enumerable.Range(0, years).Select(i => new YearlyCashFlow(baseYear + i, saving[i], capex[i], om[i], residual[i]))];
    }

    /// <summary>
    /// The first year, from the first with a cash flow, from which the cumulative net cash flow (residual excluded)
    /// stays at or above zero; null if it ends below, or if nothing ever flows.
    /// </summary>
    public static int? PaybackYear(ImmutableArray<YearlyCashFlow> flows)
    {
        int? year = null;
        var started = false;
        var cumulative = 0.0;
        foreach (var f in flows)
        {
            var operating = f.NetUsd - f.ResidualUsd;
            started |= Math.Abs(operating) > 1e-6;
            if (!started) continue;
            cumulative += operating;
            if (cumulative < -1e-6) year = null;
            else year ??= f.Year;
        }

        return year;
    }

    /// <summary>Differences within the MIP gap are solver noise: report them as zero.</summary>
    private static double Tidy(double usd, double reference) => Math.Abs(usd) < 1 + (SolverSettings.DefaultRelativeGap * Math.Abs(reference)) ? 0 : usd;
}
