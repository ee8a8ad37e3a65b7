using System.Text.RegularExpressions;

using Logistics.Analysis;
using Logistics.Optimisation;

using ScottPlot;

namespace Logistics.Reports.Graphics;

/// <summary>
/// The report's charts, drawn with ScottPlot and exported as SVG (no raster, no script): cost breakdown, scenario
/// comparison, option values, single-failure damage and sweep curves. Money is shown in million USD per year.
/// </summary>
internal static partial class Charts
{
    private const int ChartWidth = 760;

    /// <summary>Colours per cost category, fixed so the same category looks the same in every chart.</summary>
    private static readonly Dictionary<CostCategory, string> CategoryColours = new()
    {
        [CostCategory.AnnualisedCapex] = "#1f5f99",
        [CostCategory.FixedOm] = "#6a9fd4",
        [CostCategory.Transport] = "#e08a00",
        [CostCategory.PortHandling] = "#8e5ea2",
        [CostCategory.Transhipment] = "#c0a0d0",
        [CostCategory.InTransitCapital] = "#3c9d5d",
        [CostCategory.Risk] = "#c62828",
        [CostCategory.Revenue] = "#7a7a7a",
        [CostCategory.CapexOutlay] = "#174a78",
        [CostCategory.ResidualValue] = "#a0a0a0",
    };

    public static string CostBreakdown(OptimisationResult result)
    {
        var categories = Enum.GetValues<CostCategory>().Where(c => Math.Abs(result.Costs.Category(c)) > 0.5).ToList();
        var plot = NewPlot("Cost per year by category (base)", "million USD per year");
        var bars = categories.Select((c, i) => new Bar
        {
            Position = categories.Count - i,
            Value = result.Costs.Category(c) / 1e6,
            FillColor = Color.FromHex(CategoryColours[c]),
            // The table's own format (MoneyFormat through Fmt): the label and the cost table never round differently or show "-0.0".
            Label = Content.Fmt.Millions(result.Costs.Category(c)),
        }).ToList();
        Horizontal(plot, bars, [.. categories.Select((c, i) => (categories.Count - i, Content.Words.Category(c)))]);
        return Svg(plot, ChartWidth, 60 + (categories.Count * 34), "cost-breakdown");
    }

    /// <param name="presentValue">The outcomes are plans over time: their costs are present values, not costs per year.</param>
    public static string ScenarioComparison(ComparisonReport comparison, bool presentValue = false)
    {
        var solved = comparison.Outcomes.Where(o => o.HasSolution).ToList();
        var plot = presentValue ? NewPlot("Present value by scenario", "million USD, present value") : NewPlot("Cost per year by scenario", "million USD per year");
        var bars = new List<Bar>();
        var ticks = new List<(double, string)>();
        for (var i = 0; i < solved.Count; i++)
        {
            var position = solved.Count - i;
            ticks.Add((position, solved[i].Scenario ?? "base"));
            double left = 0;
            foreach (var cost in solved[i].CostByCategory.Where(c => c.UsdPerYear > 0))
            {
                bars.Add(new Bar { Position = position, ValueBase = left, Value = left + (cost.UsdPerYear / 1e6), FillColor = Color.FromHex(CategoryColours[cost.Category]) });
                left += cost.UsdPerYear / 1e6;
            }
        }

        Horizontal(plot, bars, ticks);
        foreach (var category in Enum.GetValues<CostCategory>().Where(c => solved.Any(o => o.CostByCategory.Any(x => x.Category == c && x.UsdPerYear > 0))))
            plot.Legend.ManualItems.Add(new LegendItem { LabelText = Content.Words.Category(category), FillColor = Color.FromHex(CategoryColours[category]) });
        plot.ShowLegend(Edge.Bottom);
        return Svg(plot, ChartWidth, 130 + (solved.Count * 26), "scenarios");
    }

    public static string OptionValues(ValueReport values)
    {
        var rows = values.Valuations.Where(v => v.AnnualSavingUsd is not null).ToList();
        var plot = NewPlot("Net yearly saving from building each option", "million USD per year (negative: building costs more than it saves)");
        var bars = rows.Select((v, i) => new Bar
        {
            Position = rows.Count - i,
            Value = v.AnnualSavingUsd!.Value / 1e6,
            FillColor = Color.FromHex(v.AnnualSavingUsd > 0 ? "#2e9e4f" : "#c62828"),
        }).ToList();
        Horizontal(plot, bars, [.. rows.Select((v, i) => ((double)(rows.Count - i), v.Label))]);
        plot.Add.VerticalLine(0, 1f, Color.FromHex("#1d2733"));
        return Svg(plot, ChartWidth, 70 + (rows.Count * 30), "option-values");
    }

    /// <summary>
    /// The worst single failures as tonnes stranded per year, the measure they are ranked by (stranded cargo makes a
    /// plan cheaper, so a cost bar would show the worst failure as the smallest). Failures that strand nothing carry
    /// their extra cost in the label.
    /// </summary>
    public static string Resilience(ResilienceReport resilience, int top)
    {
        var rows = resilience.Outages.Take(top).ToList();
        var plot = NewPlot("Tonnes stranded per year by the worst single failures", "thousand tonnes per year that can no longer ship");
        var bars = new List<Bar>();
        for (var i = 0; i < rows.Count; i++)
        {
            var position = (rows.Count - i) * 3.0;
            bars.Add(StrandedBar(position + 0.45, rows[i].Operational.UnshippedTonnes, "#c62828"));
            bars.Add(StrandedBar(position - 0.45, rows[i].Strategic.UnshippedTonnes, "#e0a060"));
        }

        Horizontal(plot, bars, [.. rows.Select((o, i) => ((rows.Count - i) * 3.0, Label(o)))]);
        plot.Legend.ManualItems.Add(new LegendItem { LabelText = "builds as planned, cargo re-routes", FillColor = Color.FromHex("#c62828") });
        plot.Legend.ManualItems.Add(new LegendItem { LabelText = "builds re-planned", FillColor = Color.FromHex("#e0a060") });
        plot.ShowLegend(Edge.Bottom);
        return Svg(plot, ChartWidth + 120, 130 + (rows.Count * 34), "resilience");

        static Bar StrandedBar(double position, double tonnes, string colour) => new()
        {
            Position = position,
            Value = tonnes / 1e3,
            FillColor = Color.FromHex(colour),
            Size = 0.9,
            Label = (tonnes / 1e3).ToString("#,0", System.Globalization.CultureInfo.InvariantCulture),
        };

        static string Label(Outage o)
        {
            var name = o.Name.Length > 48 ? o.Name[..45] + "..." : o.Name;
            if (o.Operational.UnshippedTonnes > 0 || o.Operational.ExtraAnnualCostUsd is not { } extra)
                return name;
            return $"{name} [nothing stranded, {Content.Fmt.SignedMillions(extra)} M USD/yr]";
        }
    }

    /// <param name="number">The sweep's number in the report (1, 2, …), which keeps its clip ids apart from the other sweeps'.</param>
    public static string Sweep(SweepReport sweep, int number)
    {
        var points = sweep.Points.Where(p => p.ObjectiveUsd is not null).ToList();
        var plot = NewPlot("Cost per year across the sweep", sweep.Path);
        plot.YLabel("million USD per year", size: 12);
        var line = plot.Add.Scatter(points.Select(p => p.Value).ToArray(), points.Select(p => p.ObjectiveUsd!.Value / 1e6).ToArray(), Color.FromHex("#1f5f99"));
        line.LineWidth = 2;
        line.MarkerSize = 6;
        foreach (var switching in sweep.SwitchingPoints)
        {
            var marker = plot.Add.VerticalLine(switching.Estimate, 1.5f, Color.FromHex("#c62828"));
            marker.LinePattern = LinePattern.Dashed;
        }

        return Svg(plot, ChartWidth, 360, $"sweep-{number.ToString(System.Globalization.CultureInfo.InvariantCulture)}");
    }

    private static Plot NewPlot(string title, string xLabel)
    {
        var plot = new Plot();
        plot.Font.Set("DejaVu Sans");
        plot.Title(title, size: 15);
        plot.XLabel(xLabel, size: 12);
        return plot;
    }

    private static void Horizontal(Plot plot, List<Bar> bars, IReadOnlyList<(double Position, string Label)> ticks)
    {
        foreach (var bar in bars)
        {
            if (bar.Size == 0.8)
                bar.Size = 0.7;
        }

        if (bars.Count > 0)
        {
            var series = plot.Add.Bars(bars);
            series.Horizontal = true;
            series.ValueLabelStyle.FontSize = 11;
        }

        plot.Axes.Left.SetTicks([.. ticks.Select(t => t.Position)], [.. ticks.Select(t => t.Label)]);
        plot.Axes.Left.MajorTickStyle.Length = 0;
        plot.Axes.Margins(left: 0.02, right: 0.12, bottom: 0.02, top: 0.02);
        plot.Grid.YAxisStyle.IsVisible = false;
    }

    /// <summary>
    /// The SVG without its XML declaration, so it can be inlined in HTML as well as written as a file. ScottPlot numbers
    /// clip paths from a process-wide counter, so the same chart would get other ids in a second run: they are renamed
    /// <c>{chart}-clip-1</c>, <c>-2</c>, … in order of appearance (same input, same bytes; unique within the HTML page).
    /// </summary>
    private static string Svg(Plot plot, int width, int height, string chart)
    {
        var xml = plot.GetSvgXml(width, Math.Max(160, height));
        xml = XmlDeclaration().Replace(xml, "");
        var renamed = new Dictionary<string, string>(StringComparer.Ordinal);
        xml = ClipId().Replace(xml, m =>
        {
            if (!renamed.TryGetValue(m.Value, out var name))
                renamed[m.Value] = name = $"{chart}-clip-{(renamed.Count + 1).ToString(System.Globalization.CultureInfo.InvariantCulture)}";
            return name;
        });
        return xml.Replace("<svg ", "<svg class=\"chart\" viewBox=\"0 0 " + width.ToString(System.Globalization.CultureInfo.InvariantCulture) + " " + Math.Max(160, height).ToString(System.Globalization.CultureInfo.InvariantCulture) + "\" ", StringComparison.Ordinal).TrimStart() + "\n";
    }

    [GeneratedRegex(@"\bcl_[0-9a-f]+\b")]
    private static partial Regex ClipId();

    [GeneratedRegex(@"^\s*<\?xml[^>]*\?>\s*")]
    private static partial Regex XmlDeclaration();
}
