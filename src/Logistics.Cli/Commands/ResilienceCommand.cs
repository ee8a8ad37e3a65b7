using System.CommandLine;

using Logistics.Analysis;
using Logistics.Application;
using Logistics.Presentation;

using static Logistics.Cli.Commands.CommandSupport;

namespace Logistics.Cli.Commands;

/// <summary>
/// <c>logistics resilience FILE [--scenario S] [--top N] [--period P] [--years N] [--parallel N] [--json FILE]</c>: takes
/// each link, corridor and port out in turn and ranks the failures by tonnes lost and extra cost (docs/analyses.md). On a
/// plan over time the outage starts with period P (default: the first) and lasts N years (default: that period's length).
/// </summary>
public static class ResilienceCommand
{
    public static Command Create(CliContext context)
    {
        var scenario = ScenarioOption();
        var top = new Option<int?>("--top") { Description = "Print only the N most harmful failures (the JSON has all of them)." };
        var period = new Option<string?>("--period") { Description = "Plans over time: the period the outage starts in (its id; default: the first period)." };
        var years = new Option<int?>("--years") { Description = "Plans over time: how many years the outage lasts from the period's start (default: the period's length)." };
        var verb = new AnalysisVerb(context, "resilience", "Take each link, corridor and port out in turn (N-1) and rank the failures by harm.", scenario, top, period, years);
        return verb.Create(
            parse => parse.GetValue(top) is < 1 ? "--top must be at least 1." : parse.GetValue(years) is < 1 ? "--years must be at least 1." : null,
            (parse, source, study) =>
            {
                var timing = new OutageTiming(parse.GetValue(period), parse.GetValue(years));
                var request = study with { Scenario = parse.GetValue(scenario), Analyses = [AnalysisKind.Resilience], Resilience = new ResilienceOptions(timing) };
                if (Load(context, source, request) is not { Network: { } network } input) return Analysed<ResilienceReport>.Failed(ExitCodes.InvalidInput);
                if (!network.IsPeriodised && (parse.GetValue(period) is not null || parse.GetValue(years) is not null))
                {
                    context.Error.WriteLine($"error: {source.FilePath} has no periods, so --period and --years do not apply: a one-period network's outages last its whole (representative) year. Leave them out, or use a file with periods.");
                    return Analysed<ResilienceReport>.Failed(ExitCodes.Usage);
                }

                if (network.IsPeriodised)
                {
                    // A period or duration the plan cannot have is the user's input, not an infeasible network.
                    try
                    {
                        ResilienceAnalysis.Window(network, timing);
                    }
                    catch (AnalysisInputException ex)
                    {
                        context.Error.WriteLine($"error: {ex.Message}");
                        return Analysed<ResilienceReport>.Failed(ExitCodes.Usage);
                    }
                }

                try
                {
                    return Analysed<ResilienceReport>.Done(new StudyRunner().Run(input, request, context.CancellationToken).Resilience!);
                }
                catch (AnalysisInputException ex)
                {
                    // The network itself has no solution: nothing to compare the outages against.
                    context.Error.WriteLine($"error: {ex.Message}");
                    return Analysed<ResilienceReport>.Failed(ExitCodes.Infeasible);
                }
            },
            (parse, o, report) => Write(o, report, parse.GetValue(top)));
    }

    internal static void Write(TextWriter o, ResilienceReport report, int? top)
    {
        var window = report.Window;
        if (window is null)
        {
            o.WriteLine($"N-1 resilience ({(report.Scenario is null ? "base network" : $"scenario {report.Scenario}")}): {report.Outages.Length} outages; base optimum {(report.BaseCostUsd is { } cost ? MoneyFormat.PerYear(cost) : "-")}, builds {List(report.BaseBuilds)}");
            o.WriteLine("Operational: builds fixed as in the base optimum, routes free. Strategic: everything re-optimised.");
            o.WriteLine($"Extra cost in M USD/yr against the base optimum; lost = tonnes/yr that can no longer ship (re-solved allowing unshipped output at {MoneyFormatPenalty(report.PenaltyUsdPerTonne)} USD/t plus the commodity's value per tonne).");
        }
        else
        {
            o.WriteLine($"N-1 resilience over time ({(report.Scenario is null ? "base network" : $"scenario {report.Scenario}")}): {report.Outages.Length} outages, each for {window.Years} year{(window.Years == 1 ? "" : "s")}, {window.Span} (from the start of period {window.Period}); base optimum present value {(report.BaseCostUsd is { } cost ? MoneyFormat.WithUnit(cost) : "-")}, schedule: {ScheduledOption.Describe(report.BaseSchedule ?? [])}");
            o.WriteLine($"Operational: the base schedule kept, routes free in the outage's years. Strategic: the whole schedule re-optimised knowing the outage.");
            o.WriteLine($"Loss in M USD of present value ({window.PresentValueBaseYear} USD) against the base optimum; lost = tonnes over the {window.Years} year{(window.Years == 1 ? "" : "s")} that can no longer ship (re-solved allowing unshipped output at {MoneyFormatPenalty(report.PenaltyUsdPerTonne)} USD/t plus the commodity's value per tonne).");
        }

        o.WriteLine("A negative extra cost next to lost tonnes means the plan is cheaper only because it ships less.");
        o.WriteLine();
        var lost = window is null ? "lost t/yr" : "lost t";
        var table = new TextTable("rank", "kind", "element", window is null ? "op. extra" : "op. PV loss", $"op. {lost}", window is null ? "str. extra" : "str. PV loss", $"str. {lost}", window is null ? "strategic builds" : "strategic schedule").AlignRight(0, 3, 4, 5, 6);
        foreach (var x in report.Outages.Take(top ?? int.MaxValue))
        {
            table.Add(x.Rank.ToString(System.Globalization.CultureInfo.InvariantCulture), x.Kind.ToString().ToLowerInvariant(), x.ElementId,
                Answer(x.Operational.ExtraAnnualCostUsd, x.Operational), T(x.Operational.UnshippedTonnes),
                Answer(x.Strategic.ExtraAnnualCostUsd, x.Strategic), T(x.Strategic.UnshippedTonnes),
                window is null ? List(x.Strategic.Built) : x.Strategic.Schedule is { IsDefaultOrEmpty: false } s ? string.Join(", ", s) : "(none)");
        }

        table.WriteTo(o);
        if (top is { } n && n < report.Outages.Length)
            o.WriteLine($"  ... {report.Outages.Length - n} more (use --json for all).");
        o.WriteLine();
        o.WriteLine("Corridors");
        var corridors = new TextTable("corridor", "links");
        foreach (var c in report.Corridors)
            corridors.Add(c.Id, string.Join(", ", c.Links));
        corridors.WriteTo(o);
    }

    private static string Answer(double? extra, OutageAnswer answer) => answer.AnnualCostUsd is null ? Status(answer.Status) : Signed(extra);

    private static string MoneyFormatPenalty(double usd) => MoneyFormat.Usd(usd);
}
