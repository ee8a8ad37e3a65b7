using System.Collections.Immutable;
using System.Globalization;

using Logistics.Analysis.Uncertainty;
using Logistics.Reports.Document;
using Logistics.Reports.Graphics;

namespace Logistics.Reports.Content;

/// <summary>
/// The report's "How sure is the answer?" section (docs/reports.md): the cost distribution, how often each option is
/// built (and, for a plan over time, in which year), the tornado, the candidate plans with their regret, VSS and EVPI
/// when the two-stage plan ran, and the sampling settings. Every number is from <see cref="UncertaintyReport"/>; the
/// draws themselves are in uncertainty-draws.csv.
/// </summary>
internal static class UncertaintySection
{
    public const string Anchor = "uncertainty";

    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public static ReportSection Compose(UncertaintyReport report)
    {
        var unit = report.OverTime ? "M USD PV" : "M USD/yr";
        var cost = report.Cost;
        var blocks = new List<ReportBlock>
        {
            new Paragraph(Lead(report)),
        };
        if (cost.Solved > 0)
            blocks.Add(new Figure("charts/uncertainty-cost.svg", $"Total cost of the optimal plan in each draw ({unit}); dashed lines at P5, P50 and P95.", Charts.CostHistogram(report)));
        blocks.Add(Table.Of($"Total cost over the draws ({unit}; {cost.Solved.ToString(Inv)} of {report.Draws.ToString(Inv)} draws solved)",
            [new("mean", ColumnAlign.Right), new("± 95%", ColumnAlign.Right), new("P5", ColumnAlign.Right), new("P50", ColumnAlign.Right), new("P95", ColumnAlign.Right), new("min", ColumnAlign.Right), new("max", ColumnAlign.Right)],
            [[M(cost.Mean), M(cost.MeanHalfWidth), M(cost.P5), M(cost.P50), M(cost.P95), M(cost.Min), M(cost.Max)]]));

        blocks.Add(new Figure("charts/uncertainty-options.svg", "How often each option is in the optimal plan.", Charts.OptionProbabilities(report)));
        var optionColumns = new List<TableColumn> { new("option"), new("built in", ColumnAlign.Right), new("probability", ColumnAlign.Right), new("95% interval", ColumnAlign.Right), new("central plan") };
        if (report.OverTime)
            optionColumns.Add(new("enters service (share of draws)"));
        blocks.Add(Table.Of("How often each option is built (Wilson 95% interval)", optionColumns,
            report.Options.Select(o => new[] { o.Option.Value, $"{o.Built.ToString(Inv)}/{o.Of.ToString(Inv)}", Fmt.Percent(o.Probability), $"{Fmt.Percent(o.Low)}–{Fmt.Percent(o.High)}", o.BuiltAtCentre ? "built" : "not built" }
                .Concat(report.OverTime ? [o.ByYear.IsDefaultOrEmpty ? "never" : string.Join(", ", o.ByYear.Select(y => $"{y.Year.ToString(Inv)}: {Fmt.Percent(y.Share)}"))] : []))));
        blocks.Add(Table.Of(report.OverTime ? "How often each schedule is optimal" : "How often each plan is optimal",
            [new(report.OverTime ? "schedule (option, year in service)" : "builds"), new("draws", ColumnAlign.Right), new("share", ColumnAlign.Right), new($"mean {unit}", ColumnAlign.Right), new("central")],
            report.Plans.Take(12).Select(p => new[] { Plan(p.Schedule, p.Built), p.Count.ToString(Inv), Fmt.Percent(p.Share), M(p.MeanCostUsd), p.IsCentral ? "yes" : "" })));

        if (!report.Tornado.IsEmpty)
        {
            blocks.Add(new Figure("charts/uncertainty-tornado.svg", "Each seed at its low and at its high, the others central; groups move together. A star marks a seed whose range changes the builds.", Charts.Tornado(report, 15)));
            blocks.Add(Table.Of($"Tornado ({unit}), widest swing first", [new("seed or group"), new("low", ColumnAlign.Right), new("high", ColumnAlign.Right), new("at low", ColumnAlign.Right), new("at high", ColumnAlign.Right), new("swing", ColumnAlign.Right), new("builds change")],
                report.Tornado.Take(15).Select(b => new[]
                {
                    b.IsGroup ? $"[{b.Name}]" : b.Name, b.LowValue is { } lo ? Fmt.Number(lo) : "low", b.HighValue is { } hi ? Fmt.Number(hi) : "high",
                    M(b.CostAtLowUsd), M(b.CostAtHighUsd), M(b.SwingUsd), b.BuildsChange ? $"{List(b.BuiltAtLow)} → {List(b.BuiltAtHigh)}" : "no",
                })));
        }

        if (report.Regret is { } regret)
        {
            blocks.Add(Table.Of(report.OverTime ? $"Candidate schedules held fixed on every draw ({unit})" : $"Candidate plans held fixed on every draw ({unit})",
                [new("plan"), new("optimal in", ColumnAlign.Right), new("mean", ColumnAlign.Right), new("P90", ColumnAlign.Right), new("worst", ColumnAlign.Right), new("mean regret", ColumnAlign.Right), new("max regret", ColumnAlign.Right), new("infeasible", ColumnAlign.Right)],
                regret.Plans.Select(c => new[]
                {
                    Plan(c.Schedule, c.Built) + (c.IsCentral ? " (central)" : ""), c.OptimalIn.ToString(Inv), M(c.MeanCostUsd), M(c.P90CostUsd), M(c.WorstCostUsd), M(c.MeanRegretUsd), M(c.MaxRegretUsd), c.InfeasibleDraws.ToString(Inv),
                })));
            blocks.Add(new BulletList(
            [
                $"Least expected cost: {(regret.LeastExpectedCost is { } l ? Plan(regret.LeastExpectedCostSchedule ?? [], l) : "no candidate is feasible on every draw")}.",
                $"Least worst regret (minimax): {(regret.MinimaxRegret is { } m ? Plan(regret.MinimaxRegretSchedule ?? [], m) : "no candidate is feasible on every draw")}.",
                $"Central-value plan: {Plan(regret.CentralSchedule, regret.Central)}.",
            ]));
        }

        if (report.TwoStage is { } two)
        {
            blocks.Add(Table.Of($"Two-stage stochastic plan over {two.Draws.ToString(Inv)} draws (seed {two.Seed.ToString(Inv)}): {two.Status.ToString().ToLowerInvariant()}",
                [new("measure"), new(unit, ColumnAlign.Right), new("meaning")],
                [
                    ["builds", List(two.Built), "decided once for every draw"],
                    ["RP", M(two.RecourseProblemUsd), "expected cost of the two-stage plan"],
                    ["EEV", M(two.CentralPlanExpectedUsd), "expected cost of the central-value plan on the same draws"],
                    ["WS", M(two.WaitAndSeeUsd), "mean of each draw's own optimum (perfect information)"],
                    ["VSS = EEV − RP", M(two.VssUsd), "what planning for the spread saves"],
                    ["EVPI = RP − WS", M(two.EvpiUsd), "what knowing every figure in advance would be worth"],
                ]));
        }

        if (!report.Infeasible.IsEmpty)
        {
            blocks.Add(new Paragraph($"{report.Infeasible.Length.ToString(Inv)} draw(s) have no optimal plan; they are counted above as not solved, never dropped. The first: "
                + string.Join(" ", report.Infeasible.Take(3).Select(d => $"draw {d.Draw.ToString(Inv)}: {d.Explanation}")), ParagraphStyle.Warning));
        }

        blocks.Add(new Paragraph(Sampling(report), ParagraphStyle.Note));
        return new ReportSection(Anchor, "How sure is the answer?", [.. blocks]);
    }

    private static string Lead(UncertaintyReport report)
    {
        var cost = report.Cost;
        var central = report.Plans.FirstOrDefault(p => p.IsCentral);
        var what = report.OverTime ? "present value of the plan over its horizon" : "yearly cost";
        var share = central is null ? "in none of the draws" : $"in {Fmt.Percent(central.Share)} of the draws";
        return string.Create(Inv, $"Over {report.Draws:#,0} draws of the register's ranges ({report.Seeds.Length} seeds varied), the {what} is {M(cost.P50)} {(report.OverTime ? "M USD" : "M USD per year")} at the median, ")
            + $"{M(cost.P5)}–{M(cost.P95)} between P5 and P95 (mean {M(cost.Mean)} ± {M(cost.MeanHalfWidth)}). The central-value plan ({Plan(report.Central.Schedule, report.Central.Built)}) is optimal {share}.";
    }

    private static string Sampling(UncertaintyReport report)
    {
        var last = report.Convergence.IsDefaultOrEmpty ? null : report.Convergence[^1];
        return string.Create(Inv, $"Sampling: {report.Sampling}; {report.Draws:#,0} draws, seed {report.Seed}. ")
            + (last is null ? "" : string.Create(Inv, $"The mean's 95% interval is ± {Fmt.Percent(last.RelativeHalfWidth)} of the mean after all draws (uncertainty-draws.csv holds every draw). "))
            + string.Join(" ", report.Correlations.Select(c => string.Create(Inv, $"Correlation group {c.Group}: target rank correlation {c.Target:0.00}, achieved {c.Achieved:0.00}.")));
    }

    private static string Plan(ImmutableArray<PlannedBuild> schedule, ImmutableArray<Network.Model.OptionId> built) =>
        !schedule.IsDefaultOrEmpty && schedule.Any(p => p.Year is not null) ? string.Join(", ", schedule.Select(p => p.ToString())) : List(built);

    private static string List(ImmutableArray<Network.Model.OptionId> built) => built.IsDefaultOrEmpty ? "nothing" : string.Join(", ", built);

    private static string M(double? usd) => usd is { } v && double.IsFinite(v) ? Fmt.Millions(v) : "–";
}
