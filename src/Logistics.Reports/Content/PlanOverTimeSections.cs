using System.Globalization;

using Logistics.Network.Model;
using Logistics.Optimisation;
using Logistics.Presentation;
using Logistics.Reports.Document;
using Logistics.Reports.Graphics;

using static Logistics.Reports.Content.ReportComposer;

namespace Logistics.Reports.Content;

/// <summary>
/// The lead of the report of a plan over time (a network file with periods): the schedule in the first sentence,
/// the timeline (Gantt strip, present value by year, by category, periods side by side), then one section per period
/// with its map, routes, costs and cost per tonne. The nav links to each period, so the page works as a period
/// selector without any script.
/// </summary>
internal static class PlanOverTimeSections
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public static List<ReportSection> Compose(ReportModel model, ReportStatus status, Names names)
    {
        var sections = new List<ReportSection> { Summary(model, status, names) };
        if (!model.Base.HasSolution)
            return sections;
        sections.Add(Timeline(model));
        sections.AddRange(model.Base.Periods.Select(p => Period(model, p, names)));
        return sections;
    }

    /// <summary>"2028: Upgrade Rohri–Nokkundi. 2034: …": the schedule as the optimiser's console output says it.</summary>
    public static string ScheduleSentence(ReportModel model) => ResultConsoleWriter.ScheduleSentence(model.Base, model.Network);

    private static ReportSection Summary(ReportModel model, ReportStatus status, Names names)
    {
        var result = model.Base;
        var blocks = new List<ReportBlock>();
        if (status == ReportStatus.TimedOut)
            blocks.Add(new Paragraph(TimedOutSentence(model), ParagraphStyle.Warning));
        if (!result.HasSolution)
        {
            blocks.Add(new Paragraph($"The plan has no solution, so there is no schedule to show. The solver says: {result.StatusMessage}", ParagraphStyle.Warning));
            if (result.Diagnosis is { } d)
                blocks.Add(new BulletList(d.Conflicts));
            return new ReportSection("summary", "Summary", [.. blocks]);
        }

        var network = model.Network;
        var m = network.Metadata;
        var horizon = $"{result.Periods[0].StartYear.ToString(Inv)}\u2013{(network.HorizonEndYear - 1).ToString(Inv)}";
        blocks.Add(new Paragraph(
            $"{ScheduleSentence(model)} Over {horizon} the whole chain costs {Fmt.Money(result.Objective!.Value)} in present value ({m.BaseYear.ToString(Inv)} USD at {Fmt.Percent(m.DiscountRate)} real), capex, O&M and every operating cost included, less what the assets are still worth at the end. {Ports(result, names)}",
            ParagraphStyle.Lead));

        var bullets = new List<string>();
        foreach (var build in result.Schedule)
        {
            var (from, to) = PresentValueByYear.ConstructionYears(network, build);
            var construction = to < build.ServiceYear ? $"built {Years(from, to)}, " : "";
            var pv = build.PresentValue;
            bullets.Add($"{build.Name} ({build.Id}): {construction}in service from {build.ServiceYear.ToString(Inv)}; capex {Fmt.Money(build.CapexUsd)}, present value {Fmt.Money(pv.Net)} (capex {Fmt.Money(pv.Capex)}, O&M {Fmt.Money(pv.FixedOm)}, less residual value {Fmt.Money(pv.Residual)}).");
        }

        var unbuilt = network.Options.Where(o => result.Schedule.All(b => b.Id != o.Id)).Select(o => $"{o.Name} ({o.Id})").ToList();
        if (unbuilt.Count > 0)
            bullets.Add($"Not built by {(network.HorizonEndYear - 1).ToString(Inv)}: {Join(unbuilt)}.");
        foreach (var period in result.Periods)
        {
            var main = period.Routes.OrderByDescending(r => r.TonnesPerYear).ThenBy(r => r.Commodity).FirstOrDefault();
            var route = main is null ? "" : $"; the main route carries {Fmt.TonnesPerYear(main.TonnesPerYear)} of {names.Commodity(main.Commodity)} from {names.Node(main.Mine)} to {names.Node(main.Market)}: {Legs(main, names)}";
            var perTonne = period.OperatingUsdPerTonne is { } t ? $", {Fmt.UsdPerTonne(t)} USD/t to operate" : "";
            var full = period.Bottlenecks.IsEmpty ? "" : $"; full to capacity: {Join(period.Bottlenecks.Select(b => names.Element(b.ElementId)))}";
            bullets.Add($"{Label(period)}: {Fmt.TonnesPerYear(period.TonnesPerYear)} delivered{perTonne}{route}{full}.");
        }

        var categories = Enum.GetValues<CostCategory>().Select(c => (Category: c, Usd: result.Costs.Category(c))).Where(c => Math.Abs(c.Usd) > 0.5).OrderByDescending(c => Math.Abs(c.Usd)).ToList();
        bullets.Add($"Present value {Fmt.Money(result.Objective!.Value)} in all: {Join(categories.Select(c => $"{Words.CategoryInSentence(c.Category)} {Fmt.Money(c.Usd)}"))}.");
        if (model.Comparison is { } comparison && comparison.Outcomes.Length > 1)
            bullets.Add($"{comparison.Outcomes.Length - 1} scenario(s) compared; the scenario comparison below lists each one's present value and builds.");
        blocks.Add(new BulletList([.. bullets]));
        blocks.Add(new Paragraph(
            $"Money is present value in {m.BaseYear.ToString(Inv)} USD at the file's real discount rate of {Fmt.Percent(m.DiscountRate)}: capex counts in the years it is paid (spread evenly over each option's lead time before service), O&M every year in service, operating costs every year of each period; residual value (straight-line over each asset's life) is credited in {network.HorizonEndYear.ToString(Inv)}. Tables per period show undiscounted USD per year. Every input figure and its source is listed in the assumptions appendix.",
            ParagraphStyle.Note));
        blocks.Add(new Figure("charts/timeline.svg", "The schedule: hatched, the construction years (capex paid); solid, the years in service to the horizon; shaded bands, the planning periods.",
            GanttStrip.Render(network, result, $"{m.Name}: what is built when")));
        return new ReportSection("summary", "Summary", [.. blocks]);
    }

    /// <summary>"Exports leave through Karachi in 2028–2033; through Port Qasim (60.0%) and Pasni (40.0%) in 2034–2052."</summary>
    private static string Ports(OptimisationResult result, Names names)
    {
        // Consecutive periods with the same split are said once ("Port Qasim in 2028–2052").
        var runs = new List<(string Through, int From, int To)>();
        foreach (var period in result.Periods)
        {
            var ports = period.PortFlows.Where(p => p.ThroughputTpy > 0).OrderByDescending(p => p.ThroughputTpy).ThenBy(p => p.Port).ToList();
            if (ports.Count == 0)
                continue;
            var total = ports.Sum(p => p.ThroughputTpy);
            var through = ports.Count == 1 ? names.Node(ports[0].Port) : Join(ports.Select(p => $"{names.Node(p.Port)} ({Fmt.Percent(p.ThroughputTpy / total)})"));
            if (runs.Count > 0 && runs[^1].Through == through && runs[^1].To + 1 == period.StartYear)
                runs[^1] = runs[^1] with { To = period.EndYear };
            else
                runs.Add((through, period.StartYear, period.EndYear));
        }

        return runs.Count == 0 ? "" : $"Exports leave through {string.Join("; through ", runs.Select(r => $"{r.Through} in {Years(r.From, r.To)}"))}.";
    }

    private static ReportSection Timeline(ReportModel model)
    {
        var result = model.Base;
        var network = model.Network;
        var blocks = new List<ReportBlock>
        {
            Table.Of(
                "Schedule: when each option is built and what it costs in present value (M USD)",
                [new("Option"), new("Name"), new("Decision"), new("Construction"), new("In service from"), new("Period"), new("Capex M USD", ColumnAlign.Right),
                    new("PV capex", ColumnAlign.Right), new("PV O&M", ColumnAlign.Right), new("PV residual", ColumnAlign.Right), new("PV net", ColumnAlign.Right)],
                // Built options in the order they enter service, then the others.
                network.Options.OrderBy(o => result.Schedule.FirstOrDefault(b => b.Id == o.Id)?.ServiceYear ?? int.MaxValue).ThenBy(o => o.Id.Value, StringComparer.Ordinal)
                    .Select(o => result.Schedule.FirstOrDefault(b => b.Id == o.Id) is { } b
                    ? new[]
                    {
                        o.Id.Value, o.Name, Words.Decision(o.Decision), Construction(network, b), b.ServiceYear.ToString(Inv), b.Period.Value, Fmt.Millions(b.CapexUsd),
                        Fmt.Millions(b.PresentValue.Capex), Fmt.Millions(b.PresentValue.FixedOm), Fmt.SignedMillions(-b.PresentValue.Residual), Fmt.Millions(b.PresentValue.Net),
                    }
                    : [o.Id.Value, o.Name, Words.Decision(o.Decision), "", "not built", "", Fmt.Millions(o.CapexUsd), "", "", "", ""])),
        };
        var years = PresentValueByYear.Of(network, result);
        if (!years.IsEmpty)
        {
            blocks.Add(new Figure("charts/present-value-by-year.svg",
                $"Present value of each year's costs, stacked by cost line; residual value is a credit below zero in {network.HorizonEndYear.ToString(Inv)}. The bars add up to the objective.",
                Charts.PresentValueByYear(years, network.Metadata.BaseYear)));
        }

        var categories = Enum.GetValues<CostCategory>().Where(c => result.Costs.Lines.Any(l => l.Category == c)).ToList();
        blocks.Add(Table.Of(
            "Present value by cost line (M USD)",
            [new("Cost line"), new("Present value", ColumnAlign.Right), new("Share", ColumnAlign.Right)],
            categories.Select(c => new[] { Words.Category(c), Fmt.SignedMillions(result.Costs.Category(c)), Fmt.Percent(result.Costs.Category(c) / result.Costs.Total) })
                .Append(["Total", Fmt.Millions(result.Costs.Total), "100.0%"])));
        blocks.Add(new Paragraph("The lines add up to the solver's objective; every solve checks this.", ParagraphStyle.Note));
        blocks.Add(Table.Of(
            "Periods side by side (USD per year within each period)",
            [new("Period"), new("Name"), new("Years"), new("In service"), new("t/yr delivered", ColumnAlign.Right), new("Operating M USD/yr", ColumnAlign.Right),
                new("Operating USD/t", ColumnAlign.Right), new("PV factor", ColumnAlign.Right), new("PV of operating M USD", ColumnAlign.Right)],
            result.Periods.Select(p =>
            {
                var operating = Operating(p);
                return new[]
                {
                    p.Id.Value, p.Name, Span(p), JoinIds(p.InService), Fmt.Tonnes(p.TonnesPerYear), Fmt.Millions(operating),
                    p.OperatingUsdPerTonne is { } t ? Fmt.UsdPerTonne(t) : "", Fmt.Number(Math.Round(p.PresentValueFactor, 3)), Fmt.Millions(operating * p.PresentValueFactor),
                };
            })));
        blocks.Add(new Paragraph("PV factor: what one USD a year through the period is worth in base-year USD (the sum of the discount factors of its years).", ParagraphStyle.Note));
        return new ReportSection("timeline", "Plan over time", [.. blocks]);
    }

    private static ReportSection Period(ReportModel model, PeriodResult period, Names names)
    {
        var network = model.Network;
        var inService = period.InService.ToHashSet();
        // The plan as it stands in this period: its builds in service and its flows, drawn like the one-period map.
        var view = model.Base with
        {
            Builds = [.. model.Base.Builds.Select(b => b with { Built = inService.Contains(b.Id) })],
            Routes = period.Routes,
            LinkFlows = period.LinkFlows,
            PortFlows = period.PortFlows,
            Bottlenecks = period.Bottlenecks,
        };
        var anchor = $"period-{period.Id.Value}";
        var blocks = new List<ReportBlock>
        {
            new Paragraph(period.InService.IsEmpty
                ? $"{Span(period)}: no option in service; {Fmt.TonnesPerYear(period.TonnesPerYear)} delivered."
                : $"{Span(period)}: in service {Join(period.InService.Select(id => network.Option(id).Name))}; {Fmt.TonnesPerYear(period.TonnesPerYear)} delivered."),
            new Figure($"maps/{anchor}.svg", $"The plan in {Label(period)}: line width shows tonnes per year, colour how full each link is; gold marks what is in service by then.",
                NetworkMap.Render(network, view, $"{network.Metadata.Name}: {Span(period)}", $"{anchor}-")),
            Table.Of(
                $"Routes in {Span(period)}, cost per tonne by category (USD/t)",
                [new("Commodity"), new("From"), new("To"), new("Port"), new("t/yr", ColumnAlign.Right), new("Days", ColumnAlign.Right), new("Transport", ColumnAlign.Right), new("Handling", ColumnAlign.Right),
                    new("Transhipment", ColumnAlign.Right), new("Capital in transit", ColumnAlign.Right), new("Risk", ColumnAlign.Right), new("Operating", ColumnAlign.Right), new("Legs")],
                period.Routes.Select(r => new[]
                {
                    r.Commodity.Value, r.Mine.Value, r.Market.Value, r.Port?.Value ?? "", Fmt.Tonnes(r.TonnesPerYear), Fmt.Days(r.TransitDays),
                    Fmt.UsdPerTonne(r.PerTonneCost.Transport), Fmt.UsdPerTonne(r.PerTonneCost.Handling), Fmt.UsdPerTonne(r.PerTonneCost.Transhipment),
                    Fmt.UsdPerTonne(r.PerTonneCost.InTransitCapital), Fmt.UsdPerTonne(r.PerTonneCost.Risk), Fmt.UsdPerTonne(r.PerTonneCost.Operating), Legs(r, names),
                })),
            Table.Of(
                $"Costs in {Span(period)} (M USD per year, and in present value over the period's {period.Years.ToString(Inv)} years)",
                [new("Cost line"), new("M USD/yr", ColumnAlign.Right), new("Present value M USD", ColumnAlign.Right)],
                Enum.GetValues<CostCategory>().Where(c => period.YearlyCosts.Lines.Any(l => l.Category == c))
                    .Select(c => new[] { Words.Category(c), Fmt.SignedMillions(period.YearlyCosts.Category(c)), Fmt.SignedMillions(period.YearlyCosts.Category(c) * period.PresentValueFactor) })
                    .Append(["Total", Fmt.SignedMillions(period.YearlyCosts.Total), Fmt.SignedMillions(period.YearlyCosts.Total * period.PresentValueFactor)])),
            Table.Of(
                $"Cost per tonne delivered in {Span(period)}, by commodity (operating costs; capex and O&M are in the schedule's present values)",
                [new("Commodity"), new("t/yr delivered", ColumnAlign.Right), new("Operating M USD/yr", ColumnAlign.Right), new("USD/t", ColumnAlign.Right)],
                PerTonne(period).Select(c => new[] { c.Commodity, Fmt.Tonnes(c.Tonnes), Fmt.Millions(c.OperatingUsd), c.Tonnes > 0 ? Fmt.UsdPerTonne(c.OperatingUsd / c.Tonnes) : "" })),
        };
        if (!period.Bottlenecks.IsEmpty)
        {
            blocks.Add(Table.Of($"Bottlenecks in {Span(period)} (used to 99.9% or more)",
                [new("Kind"), new("Element"), new("Direction"), new("Used t/yr", ColumnAlign.Right), new("Capacity t/yr", ColumnAlign.Right)],
                period.Bottlenecks.Select(b => new[] { b.Kind.ToString().ToLowerInvariant(), b.ElementId, b.Direction?.ToString().ToLowerInvariant() ?? (b.Kind == BottleneckKind.Link ? "shared" : ""), Fmt.Tonnes(b.UsedTpy), Fmt.Tonnes(b.CapacityTpy) })));
        }

        if (!period.Unshipped.IsEmpty)
        {
            blocks.Add(Table.Of($"Output left unshipped in {Span(period)}", [new("Mine"), new("Commodity"), new("t/yr", ColumnAlign.Right), new("Supply t/yr", ColumnAlign.Right)],
                period.Unshipped.Select(u => new[] { u.Mine.Value, u.Commodity.Value, Fmt.Tonnes(u.TonnesPerYear), Fmt.Tonnes(u.SupplyTpy) })));
        }

        if (period.Prices is { Capacities.IsEmpty: false } prices)
        {
            blocks.Add(Table.Of($"What one more tonne per year of a binding capacity is worth in {Span(period)} (USD/yr per t/yr, builds of the period fixed)",
                [new("Kind"), new("Element"), new("Direction"), new("Capacity t/yr", ColumnAlign.Right), new("Value USD/t", ColumnAlign.Right)],
                prices.Capacities.Select(c => new[] { c.Kind.ToString().ToLowerInvariant(), c.ElementId, c.Direction?.ToString().ToLowerInvariant() ?? "", Fmt.Tonnes(c.CapacityTpy), Fmt.UsdPerTonne(c.ValueUsdPerTonne) })));
        }

        return new ReportSection(anchor, Label(period), [.. blocks]);
    }

    /// <summary>Operating cost (every yearly line but revenue) and tonnes delivered, per commodity, in commodity order.</summary>
    internal static IEnumerable<(string Commodity, double Tonnes, double OperatingUsd)> PerTonne(PeriodResult period) =>
        period.Deliveries.GroupBy(d => d.Commodity.Value, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => (g.Key, g.Sum(d => d.TonnesPerYear), period.YearlyCosts.Lines.Where(l => l.Bucket == g.Key && l.Category != CostCategory.Revenue).Sum(l => l.UsdPerYear)));

    /// <summary>Every yearly cost line of the period but revenue.</summary>
    internal static double Operating(PeriodResult period) => period.YearlyCosts.Lines.Where(l => l.Category != CostCategory.Revenue).Sum(l => l.UsdPerYear);

    private static string Construction(NetworkSnapshot network, ScheduledBuild build)
    {
        var (from, to) = PresentValueByYear.ConstructionYears(network, build);
        return to < build.ServiceYear ? Years(from, to) : "no lead time";
    }

    private static string Span(PeriodResult period) => Years(period.StartYear, period.EndYear);

    /// <summary>"Phase 1 2030–2033" when the period's name gives its years, else "2030–2033 (Phase 1)".</summary>
    private static string Label(PeriodResult period) =>
        period.Name.Contains(period.StartYear.ToString(Inv), StringComparison.Ordinal) ? period.Name
        : period.Name.Length == 0 ? Span(period) : $"{Span(period)} ({period.Name})";

    private static string Years(int from, int to) => from == to ? from.ToString(Inv) : $"{from.ToString(Inv)}\u2013{to.ToString(Inv)}";
}
