using System.Collections.Immutable;

using Logistics.Network.Model;
using Logistics.Optimisation;
using Logistics.Optimisation.Periods;

namespace Logistics.Reports.Content;

/// <summary>One calendar year's present value (base-year USD) of one cost category of a plan over time.</summary>
internal sealed record YearValue(int Year, CostCategory Category, double PresentValueUsd);

/// <summary>
/// A plan over time's present value spread over the calendar years it falls in, by the same arithmetic as the optimiser
/// (<see cref="OptionCashFlows"/>, <see cref="Discounting"/>): each period's yearly cost lines in every year of the period,
/// each scheduled option's capex outlays in its construction years, its O&amp;M in every year in service, and its residual
/// value (negative) in the first year after the horizon. The years add up to the objective.
/// </summary>
internal static class PresentValueByYear
{
    /// <summary>Sorted by year, then category; empty for a one-period result.</summary>
    public static ImmutableArray<YearValue> Of(NetworkSnapshot network, OptimisationResult result)
    {
        if (!result.IsPlanOverTime || !network.IsPeriodised)
            return [];
        var discounting = Discounting.For(network);
        var values = new SortedDictionary<(int Year, CostCategory Category), double>();
        void Add(int year, CostCategory category, double usd)
        {
            if (usd != 0)
                values[(year, category)] = values.GetValueOrDefault((year, category)) + usd;
        }

        foreach (var period in result.Periods)
        {
            var byCategory = period.YearlyCosts.Lines.GroupBy(l => l.Category).Select(g => (g.Key, Usd: g.Sum(l => l.UsdPerYear))).ToList();
            for (var year = period.StartYear; year <= period.EndYear; year++)
            {
                foreach (var (category, usd) in byCategory)
                    Add(year, category, usd * discounting.Factor(year));
            }
        }

        foreach (var build in result.Schedule)
        {
            var option = network.Option(build.Id);
            foreach (var (year, usd) in OptionCashFlows.CapexOutlays(option, build.ServiceYear))
                Add(year, CostCategory.CapexOutlay, usd * discounting.Factor(year));
            for (var year = build.ServiceYear; year < discounting.HorizonEndYear; year++)
                Add(year, CostCategory.FixedOm, option.FixedOmUsdPerYear * discounting.Factor(year));
            var end = discounting.HorizonEndYear;
            Add(end, CostCategory.ResidualValue, -OptionCashFlows.Residual(option, build.ServiceYear, end) * discounting.Factor(end));
        }

        return [.. values.Select(v => new YearValue(v.Key.Year, v.Key.Category, v.Value))];
    }

    /// <summary>The construction years of a scheduled option (the years its capex is paid), from its lead time.</summary>
    public static (int First, int Last) ConstructionYears(NetworkSnapshot network, ScheduledBuild build)
    {
        var outlays = OptionCashFlows.CapexOutlays(network.Option(build.Id), build.ServiceYear);
        return (outlays.Min(o => o.Year), outlays.Max(o => o.Year));
    }
}
