using System.Globalization;

using Logistics.Analysis.Uncertainty;

using ScottPlot;

namespace Logistics.Reports.Graphics;

/// <summary>The uncertainty section's charts: the cost distribution, how often each option is built, and the tornado.</summary>
internal static partial class Charts
{
    /// <summary>Bins of the cost histogram: about √N, between 8 and 30, so 1,000 draws give 30 bins and 50 give 8.</summary>
    internal static int HistogramBins(int draws) => Math.Clamp((int)Math.Round(Math.Sqrt(draws)), 8, 30);

    public static string CostHistogram(UncertaintyReport report)
    {
        var costs = report.DrawOutcomes.Where(d => d.ObjectiveUsd is not null).Select(d => d.ObjectiveUsd!.Value / 1e6).Order().ToArray();
        var unit = report.OverTime ? "million USD, present value" : "million USD per year";
        var plot = NewPlot($"Total cost over {costs.Length.ToString("#,0", CultureInfo.InvariantCulture)} draws", unit);
        plot.YLabel("draws", size: 12);
        if (costs.Length > 0)
        {
            var bins = HistogramBins(costs.Length);
            var low = costs[0];
            var width = Math.Max((costs[^1] - low) / bins, 1e-9);
            var counts = new int[bins];
            foreach (var c in costs)
                counts[Math.Min(bins - 1, (int)((c - low) / width))]++;
            var bars = counts.Select((n, i) => new Bar { Position = low + ((i + 0.5) * width), Value = n, Size = width * 0.95, FillColor = Color.FromHex("#1f5f99") }).ToList();
            plot.Add.Bars(bars);
            foreach (var (value, colour) in new[] { (report.Cost.P5, "#e08a00"), (report.Cost.P50, "#1d2733"), (report.Cost.P95, "#e08a00") })
            {
                var line = plot.Add.VerticalLine(value / 1e6, 1.5f, Color.FromHex(colour));
                line.LinePattern = LinePattern.Dashed;
            }
        }

        plot.Axes.Margins(bottom: 0);
        return Svg(plot, ChartWidth, 340, "uncertainty-cost");
    }

    public static string OptionProbabilities(UncertaintyReport report)
    {
        var rows = report.Options;
        var plot = NewPlot("How often each option is built", "share of solved draws (%)");
        var bars = rows.Select((o, i) => new Bar
        {
            Position = rows.Length - i,
            Value = o.Probability * 100,
            FillColor = Color.FromHex(o.BuiltAtCentre ? "#2e9e4f" : "#8a9bb0"),
            Label = (o.Probability * 100).ToString("0", CultureInfo.InvariantCulture) + "%",
        }).ToList();
        Horizontal(plot, bars, [.. rows.Select((o, i) => ((double)(rows.Length - i), o.Option.Value))]);
        plot.Axes.SetLimitsX(0, 110);
        plot.Legend.ManualItems.Add(new LegendItem { LabelText = "built in the central plan", FillColor = Color.FromHex("#2e9e4f") });
        plot.Legend.ManualItems.Add(new LegendItem { LabelText = "not built in the central plan", FillColor = Color.FromHex("#8a9bb0") });
        plot.ShowLegend(Edge.Bottom);
        return Svg(plot, ChartWidth, 130 + (rows.Length * 30), "uncertainty-options");
    }

    /// <summary>Each seed's cost at its low and its high as a bar from the central cost; the widest swings on top.</summary>
    public static string Tornado(UncertaintyReport report, int top)
    {
        var rows = report.Tornado.Where(b => b.SwingUsd is not null).Take(top).ToList();
        var centre = (report.Central.ObjectiveUsd ?? 0) / 1e6;
        var plot = NewPlot("Tornado: cost with one seed (or group) at its low and its high", report.OverTime ? "million USD, present value" : "million USD per year");
        var bars = new List<Bar>();
        for (var i = 0; i < rows.Count; i++)
        {
            var position = rows.Count - i;
            bars.Add(new Bar { Position = position, ValueBase = centre, Value = rows[i].CostAtLowUsd!.Value / 1e6, FillColor = Color.FromHex("#6a9fd4") });
            bars.Add(new Bar { Position = position, ValueBase = centre, Value = rows[i].CostAtHighUsd!.Value / 1e6, FillColor = Color.FromHex("#e08a00") });
        }

        Horizontal(plot, bars, [.. rows.Select((b, i) => ((double)(rows.Count - i), (b.IsGroup ? $"[{b.Name}]" : b.Name) + (b.BuildsChange ? " *" : "")))]);
        plot.Add.VerticalLine(centre, 1f, Color.FromHex("#1d2733"));
        plot.Legend.ManualItems.Add(new LegendItem { LabelText = "at its low", FillColor = Color.FromHex("#6a9fd4") });
        plot.Legend.ManualItems.Add(new LegendItem { LabelText = "at its high (* the builds change)", FillColor = Color.FromHex("#e08a00") });
        plot.ShowLegend(Edge.Bottom);
        return Svg(plot, ChartWidth + 120, 130 + (rows.Count * 28), "uncertainty-tornado");
    }
}
