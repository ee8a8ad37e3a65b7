using System.Collections.Immutable;
using System.Globalization;

using Logistics.Optimisation;
using Logistics.Reports.Content;

using ScottPlot;

namespace Logistics.Reports.Graphics;

/// <summary>The chart of a plan over time: its present value by calendar year.</summary>
internal static partial class Charts
{
    /// <summary>Stacking order: what is paid first sits at the bottom; credits (residual value, revenue) hang below zero.</summary>
    private static readonly CostCategory[] YearOrder =
    [
        CostCategory.CapexOutlay, CostCategory.FixedOm, CostCategory.Transport, CostCategory.PortHandling, CostCategory.Transhipment,
        CostCategory.InTransitCapital, CostCategory.Risk, CostCategory.AnnualisedCapex, CostCategory.Revenue, CostCategory.ResidualValue,
    ];

    /// <summary>One stacked bar per calendar year, in million USD of present value; positive lines up from zero, negative down.</summary>
    public static string PresentValueByYear(ImmutableArray<YearValue> years, int baseYear)
    {
        var plot = new Plot();
        plot.Font.Set("DejaVu Sans");
        plot.Title($"Present value by year ({baseYear.ToString(CultureInfo.InvariantCulture)} USD), by cost line", size: 15);
        plot.YLabel("million USD, present value", size: 12);
        var bars = new List<Bar>();
        foreach (var year in years.Select(y => y.Year).Distinct().Order())
        {
            double up = 0, down = 0;
            foreach (var category in YearOrder)
            {
                var usd = years.Where(y => y.Year == year && y.Category == category).Sum(y => y.PresentValueUsd) / 1e6;
                if (usd == 0)
                    continue;
                var (from, to) = usd > 0 ? (up, up += usd) : (down, down += usd);
                bars.Add(new Bar { Position = year, ValueBase = from, Value = to, FillColor = Color.FromHex(CategoryColours[category]), Size = 0.8 });
            }
        }

        if (bars.Count > 0)
            plot.Add.Bars(bars);
        var all = years.Select(y => y.Year).Distinct().Order().ToList();
        if (all.Count > 0)
        {
            var step = all.Count <= 14 ? 1 : all.Count <= 30 ? 2 : 5;
            var ticks = all.Where(y => (y - all[0]) % step == 0).ToList();
            plot.Axes.Bottom.SetTicks([.. ticks.Select(t => (double)t)], [.. ticks.Select(t => t.ToString(CultureInfo.InvariantCulture))]);
        }

        plot.Add.HorizontalLine(0, 1f, Color.FromHex("#1d2733"));
        foreach (var category in YearOrder.Where(c => years.Any(y => y.Category == c && y.PresentValueUsd != 0)))
            plot.Legend.ManualItems.Add(new LegendItem { LabelText = Words.Category(category), FillColor = Color.FromHex(CategoryColours[category]) });
        plot.ShowLegend(Edge.Bottom);
        return Svg(plot, ChartWidth + 200, 440, "present-value-by-year");
    }
}
