using System.Collections.Immutable;

using Logistics.Network.Model;

namespace Logistics.Optimisation.Periods;

/// <summary>
/// What an option costs when it enters service in a given year, as yearly cash flows and their present value: capex
/// paid evenly over its construction years (the lead time before service; the first service year when the lead time
/// is 0), fixed O&amp;M every year in service to the horizon's end, and a residual value at the horizon's end,
/// straight-line over the economic life: capex × max(0, life − years in service) / life.
/// </summary>
public static class OptionCashFlows
{
    /// <summary>The first calendar year the option can be in service: base year + lead time.</summary>
    public static int EarliestServiceYear(InvestmentOption option, int baseYear) => baseYear + Math.Max(0, option.LeadTimeYears);

    /// <summary>Capex paid per calendar year when the option enters service in <paramref name="serviceYear"/>.</summary>
    public static ImmutableArray<(int Year, double Usd)> CapexOutlays(InvestmentOption option, int serviceYear)
    {
        if (option.LeadTimeYears <= 0)
            return [(serviceYear, option.CapexUsd)];
        var share = option.CapexUsd / option.LeadTimeYears;
        return [.. Enumerable.Range(serviceYear - option.LeadTimeYears, option.LeadTimeYears).Select(t => (t, share))];
    }

    /// <summary>Residual value at the horizon's end (undiscounted): straight-line over the economic life.</summary>
    public static double Residual(InvestmentOption option, int serviceYear, int horizonEndYear)
    {
        var used = horizonEndYear - serviceYear;
        var life = Math.Max(1, option.LifetimeYears);
        return option.CapexUsd * Math.Max(0, life - used) / life;
    }

    /// <summary>Present values of the three parts when the option enters service in <paramref name="serviceYear"/>.</summary>
    public static OptionPresentValue PresentValue(InvestmentOption option, int serviceYear, Discounting discounting)
    {
        var capex = CapexOutlays(option, serviceYear).Sum(o => o.Usd * discounting.Factor(o.Year));
        var om = option.FixedOmUsdPerYear * discounting.Annuity(serviceYear, discounting.HorizonEndYear - serviceYear);
        var residual = Residual(option, serviceYear, discounting.HorizonEndYear) * discounting.Factor(discounting.HorizonEndYear);
        return new OptionPresentValue(capex, om, residual);
    }
}
