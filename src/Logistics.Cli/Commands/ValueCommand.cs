using System.CommandLine;

using Logistics.Analysis;
using Logistics.Application;
using Logistics.Network.Model;
using Logistics.Presentation;

using static Logistics.Cli.Commands.CommandSupport;

namespace Logistics.Cli.Commands;

/// <summary>
/// <c>logistics value FILE [--scenario S] [--option O] [--parallel N] [--json FILE]</c>: values each investment option
/// (or one) from a forced-in and a forced-out solve: saving, NPV, IRR, payback and break-even capex (docs/analyses.md).
/// </summary>
public static class ValueCommand
{
    public static Command Create(CliContext context)
    {
        var scenario = ScenarioOption();
        var option = new Option<string?>("--option") { Description = "Value only this option (and its bundle, if it requires others)." };
        var verb = new AnalysisVerb(context, "value", "Value each investment option: forced in against forced out; NPV, IRR, payback and break-even capex.", scenario, option);
        return verb.Create(
            _ => null,
            (parse, source, study) =>
            {
                OptionId? only = parse.GetValue(option) is { } o ? new OptionId(o) : null;
                var request = study with { Scenario = parse.GetValue(scenario), Analyses = [AnalysisKind.Value], Value = new ValueOptions(only) };
                if (Load(context, source, request) is not { Network: { } network } input) return Analysed<ValueReport>.Failed(ExitCodes.InvalidInput);
                if (only is { } id && !network.TryGetOption(id, out _))
                {
                    context.Error.WriteLine($"error: {source.FilePath} has no option '{id}'. Options: {List(network.Options.Select(x => x.Id))}.");
                    return Analysed<ValueReport>.Failed(ExitCodes.InvalidInput);
                }

                return Analysed<ValueReport>.Done(new StudyRunner().Run(input, request, context.CancellationToken).Values!);
            },
            (_, o, report) => Write(o, report));
    }

    internal static void Write(TextWriter o, ValueReport report)
    {
        if (report.Timeline is { } timeline)
        {
            WriteTimed(o, report, timeline);
            return;
        }

        o.WriteLine($"Option values ({(report.Scenario is null ? "base network" : $"scenario {report.Scenario}")}; discount rate {Number(report.DiscountRate, "0.0%")}, horizon {report.HorizonYears} years)");
        o.WriteLine($"Optimum: {Status(report.OptimumStatus)}, {(report.OptimumCostUsd is { } cost ? MoneyFormat.PerYear(cost) : "-")}, builds {List(report.OptimumBuilds)}");
        o.WriteLine("Money in M USD, annual figures per year; cost(in) and cost(out) are the objectives with the option forced in and out.");
        o.WriteLine();
        var t = ValueTerms.All;
        var table = new TextTable(["option", "optimum builds", ValueTerms.Capex.Name, ValueTerms.AnnualisedCapex.Name, "cost in", "cost out", .. t.Skip(2).Select(x => x.Name)])
            .AlignRight(2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13);
        foreach (var v in report.Valuations)
        {
            table.Add(v.Label, v.BuiltInOptimum ? "yes" : "no", M(v.CapexUsd), M(v.AnnualisedCapexUsd), M(v.CostInUsd), M(v.CostOutUsd), Signed(v.OperatingBenefitUsd),
                Signed(v.NetBenefitUsd), Signed(v.AnnualSavingUsd), Signed(v.NpvUsd), v.Irr is { } irr ? Number(irr, "0.0%") : "none", v.PaybackYears is { } p ? Number(p, "0.0") : "never", M(v.BreakEvenCapexUsd), M(v.BreakEvenOwnCapexUsd));
        }

        table.WriteTo(o);
        o.WriteLine();
        o.WriteLine("Terms");
        foreach (var term in t)
            o.WriteLine($"  {term.Legend}");
        o.WriteLine();
        o.WriteLine("What each row means");
        foreach (var v in report.Valuations)
        {
            o.WriteLine($"  {v.Label}: {ValueSentences.Explain(v)}");
            o.WriteLine($"    builds with it forced in: {List(v.BuildsIn)}; forced out: {List(v.BuildsOut)}");
        }
    }

    /// <summary>A plan over time: present values in base-year USD, the years, the value of waiting, payback year and IRR of the yearly cash flows.</summary>
    private static void WriteTimed(TextWriter o, ValueReport report, ValueTimeline timeline)
    {
        o.WriteLine($"Option values over time ({(report.Scenario is null ? "base network" : $"scenario {report.Scenario}")}; {timeline.FirstYear}–{timeline.LastYear}, discount rate {Number(report.DiscountRate, "0.0%")}, present values in {timeline.BaseYear} USD)");
        o.WriteLine($"Optimum: {Status(report.OptimumStatus)}, present value {(report.OptimumCostUsd is { } cost ? MoneyFormat.WithUnit(cost) : "-")}; schedule: {ScheduledOption.Describe(timeline.OptimumSchedule)}");
        o.WriteLine($"Money in M USD ({timeline.BaseYear} present value). PV with: the best schedule with the option in service by the last period; PV without: the option never built; PV first: forced in from the first year its lead time allows.");
        o.WriteLine();
        var table = new TextTable("option", "optimum builds", "capex", "best year", "first year", "PV with", "PV without", "NPV", "PV first", "value of waiting", "break-even capex", "own break-even capex", "payback year", "IRR")
            .AlignRight(2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13);
        foreach (var v in report.Valuations)
        {
            var t = v.Timing!;
            table.Add(v.Label, v.BuiltInOptimum ? "yes" : "no", M(v.CapexUsd), t.BestYear?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "-",
                t.FirstPossibleYear.ToString(System.Globalization.CultureInfo.InvariantCulture), M(t.PresentValueWithUsd), M(t.PresentValueWithoutUsd), Signed(t.NpvUsd),
                M(t.PresentValueFirstYearUsd), Signed(t.ValueOfWaitingUsd), M(t.BreakEvenCapexUsd), M(t.BreakEvenOwnCapexUsd),
                t.NpvUsd is null ? "-" : t.PaybackYear?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "never",
                t.NpvUsd is null ? "-" : v.Irr is { } irr ? Number(irr, "0.0%") : "none");
        }

        table.WriteTo(o);
        o.WriteLine();
        o.WriteLine("Terms");
        foreach (var term in ValueTerms.Timed)
            o.WriteLine($"  {term.Legend}");
        o.WriteLine();
        o.WriteLine("What each row means");
        foreach (var v in report.Valuations)
        {
            var t = v.Timing!;
            o.WriteLine($"  {v.Label}: {ValueSentences.Explain(v)}");
            o.WriteLine($"    schedule with it: {ScheduledOption.Describe(t.ScheduleWith)} Without it: {ScheduledOption.Describe(t.ScheduleWithout)} From {t.FirstPossibleYear}: {ScheduledOption.Describe(t.ScheduleFirstYear)}");
        }
    }
}
