namespace Logistics.Analysis;

/// <summary>
/// The appraisal formulas of docs/analyses.md ("value"): capital recovery, NPV with renewals and residual value,
/// IRR by bisection, payback and break-even capex. Rates are fractions per year.
/// </summary>
public static class Finance
{
    /// <summary>Capital recovery factor r(1+r)^L / ((1+r)^L − 1); 1/L at r = 0. The optimiser annualises capex with the same factor.</summary>
    public static double CapitalRecoveryFactor(double rate, int lifetimeYears)
    {
        if (lifetimeYears <= 0) throw new ArgumentOutOfRangeException(nameof(lifetimeYears), "A lifetime must be at least one year.");
        return Optimisation.CapitalRecovery.Factor(rate, lifetimeYears);
    }

    /// <summary>Present value of 1 per year for <paramref name="years"/> years, paid at the end of each year.</summary>
    public static double AnnuityFactor(double rate, int years)
    {
        if (years <= 0) return 0;
        if (Math.Abs(rate) < 1e-12) return years;
        return (1 - Math.Pow(1 + rate, -years)) / rate;
    }

    /// <summary>
    /// Cash flows by year 0..H: −capex at 0, the net benefit in years 1..H, −capex again at every renewal (years L, 2L, …
    /// before H), and at H the residual value of the asset then in service: the present value, at
    /// <paramref name="discountRate"/>, of the capital-recovery annuity still owed over its remaining life.
    /// </summary>
    public static double[] CashFlows(double capexUsd, int lifetimeYears, double netBenefitUsd, double discountRate, int horizonYears)
    {
        if (horizonYears <= 0) throw new ArgumentOutOfRangeException(nameof(horizonYears), "The horizon must be at least one year.");
        var flows = new double[horizonYears + 1];
        flows[0] = -capexUsd;
        for (var t = 1; t <= horizonYears; t++)
            flows[t] = netBenefitUsd;
        var lastRenewal = 0;
        for (var t = lifetimeYears; lifetimeYears > 0 && t < horizonYears; t += lifetimeYears)
        {
            flows[t] -= capexUsd;
            lastRenewal = t;
        }

        var remaining = lastRenewal + lifetimeYears - horizonYears;
        if (remaining > 0 && capexUsd != 0)
            flows[horizonYears] += capexUsd * CapitalRecoveryFactor(discountRate, lifetimeYears) * AnnuityFactor(discountRate, remaining);
        return flows;
    }

    /// <summary>Σ flows[t] / (1 + rate)^t.</summary>
    public static double NetPresentValue(IReadOnlyList<double> flows, double rate)
    {
        ArgumentNullException.ThrowIfNull(flows);
        var npv = 0.0;
        var discount = 1.0;
        for (var t = 0; t < flows.Count; t++)
        {
            npv += flows[t] / discount;
            discount *= 1 + rate;
        }

        return npv;
    }

    /// <summary>
    /// The rate in [−0.99, 10] at which the NPV of <paramref name="flows"/> is zero, by bisection to 1e-9; null when
    /// no flow is positive or the NPV does not change sign on that interval.
    /// </summary>
    public static double? InternalRateOfReturn(IReadOnlyList<double> flows)
    {
        ArgumentNullException.ThrowIfNull(flows);
        if (!flows.Any(f => f > 0)) return null;
        double low = -0.99, high = 10;
        var npvLow = NetPresentValue(flows, low);
        var npvHigh = NetPresentValue(flows, high);
        if (Math.Sign(npvLow) == Math.Sign(npvHigh)) return null;
        while (high - low > 1e-9)
        {
            var mid = (low + high) / 2;
            var npvMid = NetPresentValue(flows, mid);
            if (Math.Sign(npvMid) == Math.Sign(npvLow))
                (low, npvLow) = (mid, npvMid);
            else
                high = mid;
        }

        return (low + high) / 2;
    }

    /// <summary>
    /// The IRR of cash flows whose residual value depends on the rate: <paramref name="flowsAtRate"/> builds them at
    /// each trial rate, so the residual (the capital-recovery annuity still owed) is discounted at that rate and not at
    /// the appraisal's discount rate. With <see cref="CashFlows"/> this is the rate ρ at which the net benefit equals
    /// capex × CRF(ρ, L) (docs/analyses.md). Same interval, tolerance and nulls as the fixed-flow overload.
    /// </summary>
    public static double? InternalRateOfReturn(Func<double, IReadOnlyList<double>> flowsAtRate)
    {
        ArgumentNullException.ThrowIfNull(flowsAtRate);
        double Npv(double rate) => NetPresentValue(flowsAtRate(rate), rate);
        double low = -0.99, high = 10;
        if (!flowsAtRate(low).Any(f => f > 0) && !flowsAtRate(high).Any(f => f > 0)) return null;
        var npvLow = Npv(low);
        var npvHigh = Npv(high);
        if (Math.Sign(npvLow) == Math.Sign(npvHigh)) return null;
        while (high - low > 1e-9)
        {
            var mid = (low + high) / 2;
            var npvMid = Npv(mid);
            if (Math.Sign(npvMid) == Math.Sign(npvLow))
                (low, npvLow) = (mid, npvMid);
            else
                high = mid;
        }

        return (low + high) / 2;
    }

    /// <summary>
    /// How often <paramref name="flows"/> change sign, ignoring flows within a millionth of the largest. An IRR is
    /// unambiguous only with exactly one change: with more, several rates may zero the NPV (Descartes' rule of signs).
    /// </summary>
    public static int SignChanges(IReadOnlyList<double> flows)
    {
        ArgumentNullException.ThrowIfNull(flows);
        var scale = flows.Select(Math.Abs).DefaultIfEmpty(0).Max() * 1e-6;
        var signs = flows.Where(f => Math.Abs(f) > scale).Select(Math.Sign).ToList();
        return signs.Zip(signs.Skip(1)).Count(p => p.First != p.Second);
    }

    /// <summary>Capex ÷ net benefit, in years; null when the net benefit is not positive.</summary>
    public static double? SimplePayback(double capexUsd, double netBenefitUsd) => netBenefitUsd > 0 ? capexUsd / netBenefitUsd : null;

    /// <summary>
    /// The capex C* at which C* × CRF(r, L) equals the net benefit: building and not building then cost the same
    /// (exact, because the forced solves fix every other decision and the capex enters the objective linearly).
    /// </summary>
    public static double BreakEvenCapex(double netBenefitUsd, double discountRate, int lifetimeYears) =>
        netBenefitUsd / CapitalRecoveryFactor(discountRate, lifetimeYears);
}
