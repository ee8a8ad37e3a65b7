using System.Globalization;

using Logistics.Analysis;
using Logistics.Presentation;
using Logistics.Reports.Document;

namespace Logistics.Reports.Content;

/// <summary>
/// The value and resilience sections of the report of a plan over time (docs/reports.md): the same answers the CLI's
/// <c>value</c> and <c>resilience</c> verbs give on a periodised file, in present values of the base year rather than
/// USD per year: each option's best year against its first possible year (the value of waiting), and each failure's
/// loss over the outage's years with the schedule kept or re-planned.
/// </summary>
internal static class TimedAnalysisSections
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public static ReportSection Values(ValueReport values, ValueTimeline timeline)
    {
        var rows = values.Valuations;
        var blocks = new List<ReportBlock>
        {
            new Paragraph($"The best schedule has a present value of {(values.OptimumCostUsd is { } cost ? Fmt.Money(cost) : "no solution")} in {timeline.BaseYear.ToString(Inv)} USD: {ScheduledOption.Describe(timeline.OptimumSchedule)} Each row solves the whole horizon {timeline.FirstYear.ToString(Inv)}–{timeline.LastYear.ToString(Inv)} with the option in service by the last period, never built, and built as early as its lead time allows."),
            Table.Of(
                $"Value of each option over time (discount rate {Fmt.Percent(values.DiscountRate)}, present values in {timeline.BaseYear.ToString(Inv)} USD)",
                [new("Option"), new("Optimum builds"), .. ValueTerms.Timed.Select(t => new TableColumn(t.Heading, ColumnAlign.Right))],
                rows.Select(v => Row(v))),
            new Paragraph("Terms (the same in the command line's value table and docs/analyses.md): " + string.Join("; ", ValueTerms.Timed.Select(t => t.Legend)) + ".", ParagraphStyle.Note),
            new BulletList([.. rows.Select(v => v.Timing is { } t
                ? $"{v.Label}: {ValueSentences.Explain(v)} Schedule with it: {ScheduledOption.Describe(t.ScheduleWith)} Without it: {ScheduledOption.Describe(t.ScheduleWithout)} From {t.FirstPossibleYear.ToString(Inv)}: {ScheduledOption.Describe(t.ScheduleFirstYear)}"
                : $"{v.Label}: {ValueSentences.Explain(v)}")]),
        };
        return new ReportSection("values", "Option values over time", [.. blocks]);
    }

    private static string[] Row(OptionValuation v)
    {
        var t = v.Timing;
        static string M(double? usd) => usd is { } u ? Fmt.Millions(u) : "";
        static string S(double? usd) => usd is { } u ? Fmt.SignedMillions(u) : "";
        return
        [
            v.Label, v.BuiltInOptimum ? "yes" : "no", Fmt.Millions(v.CapexUsd), t?.BestYear?.ToString(Inv) ?? "", t?.FirstPossibleYear.ToString(Inv) ?? "",
            M(t?.PresentValueWithUsd), M(t?.PresentValueWithoutUsd), S(t?.NpvUsd), M(t?.PresentValueFirstYearUsd), S(t?.ValueOfWaitingUsd),
            M(t?.BreakEvenCapexUsd), M(t?.BreakEvenOwnCapexUsd),
            t?.NpvUsd is null ? "" : t.PaybackYear?.ToString(Inv) ?? "never",
            t?.NpvUsd is null ? "" : v.Irr is { } irr ? Fmt.Percent(irr) : "none",
        ];
    }

    public static ReportSection Resilience(ResilienceReport resilience, OutageWindow window)
    {
        const int top = 10;
        var rows = resilience.Outages.Take(top).ToList();
        var years = window.Years == 1 ? "1 year" : $"{window.Years.ToString(Inv)} years";
        var blocks = new List<ReportBlock>
        {
            new Paragraph($"Each link, corridor and port fails for {years}, {window.Span} (from the start of period {window.Period}), against the base optimum's present value of {(resilience.BaseCostUsd is { } cost ? Fmt.Money(cost) : "no solution")}; schedule {ScheduledOption.Describe(resilience.BaseSchedule ?? [])} Another period or length: 'logistics resilience FILE --period P --years N'."),
            Table.Of(
                $"The {rows.Count.ToString(Inv)} most harmful single failures over time (of {resilience.Outages.Length.ToString(Inv)} tried)",
                [new("Rank", ColumnAlign.Right), new("What fails"), new("Kind"), new("Loss, schedule kept M USD present value", ColumnAlign.Right), new("Unshipped t", ColumnAlign.Right),
                    new("Loss, re-planned M USD present value", ColumnAlign.Right), new("Re-planned schedule")],
                rows.Select(o => new[]
                {
                    o.Rank.ToString(Inv), o.Name, o.Kind.ToString().ToLowerInvariant(), Loss(o.Operational), Fmt.Tonnes(o.Operational.UnshippedTonnes), Loss(o.Strategic),
                    o.Strategic.Schedule is { IsDefaultOrEmpty: false } s ? ScheduledOption.Describe(s) : "nothing built.",
                })),
            new Paragraph($"Schedule kept: the base schedule stays and cargo re-routes in the outage's years. Re-planned: the whole schedule is re-optimised knowing the outage. Unshipped tonnes are totals over the outage; failures are ranked by harm, where output that cannot ship is charged {Fmt.UsdPerTonne(resilience.PenaltyUsdPerTonne)} USD/t in the ranking, not in the losses shown.", ParagraphStyle.Note),
        };
        return new ReportSection("resilience", "Resilience over time: single failures", [.. blocks]);
    }

    /// <summary>The loss of an answer; when cargo is stranded the cost falls, which is no saving, so it is not shown as one.</summary>
    private static string Loss(OutageAnswer answer) =>
        answer.UnshippedTonnes > 0 ? $"cargo stranded ({Fmt.Tonnes(answer.UnshippedTonnes)} t)"
        : answer.ExtraAnnualCostUsd is { } extra ? Fmt.SignedMillions(extra)
        : Words.Status(answer.Status);
}
