using System.CommandLine;

using Logistics.Analysis;

using static Logistics.Cli.Commands.CommandSupport;

namespace Logistics.Cli.Commands;

/// <summary>
/// <c>logistics resilience FILE [--scenario S] [--top N] [--parallel N] [--json FILE]</c>: takes each link, corridor and
/// port out in turn and ranks the failures by tonnes lost and extra annual cost (docs/analyses.md).
/// </summary>
public static class ResilienceCommand
{
    public static Command Create(CliContext context)
    {
        var scenario = ScenarioOption();
        var top = new Option<int?>("--top") { Description = "Print only the N most harmful failures (the JSON has all of them)." };
        var verb = new AnalysisVerb(context, "resilience", "Take each link, corridor and port out in turn (N-1) and rank the failures by harm.", scenario, top);
        return verb.Create(
            parse => parse.GetValue(top) is < 1 ? "--top must be at least 1." : null,
            (parse, source, settings) =>
            {
                var network = Bind(context, source, parse.GetValue(scenario));
                if (network is null) return Analysed<ResilienceReport>.Failed(ExitCodes.InvalidInput);
                try
                {
                    return Analysed<ResilienceReport>.Done(ResilienceAnalysis.Run(network, settings, context.CancellationToken));
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
        o.WriteLine($"N-1 resilience ({(report.Scenario is null ? "base network" : $"scenario {report.Scenario}")}): {report.Outages.Length} outages; base optimum {(report.BaseCostUsd is { } cost ? MoneyFormat.PerYear(cost) : "-")}, builds {List(report.BaseBuilds)}");
        o.WriteLine("Operational: builds fixed as in the base optimum, routes free. Strategic: everything re-optimised.");
        o.WriteLine($"Extra cost in M USD/yr against the base optimum; lost = tonnes/yr that can no longer ship (re-solved allowing unshipped output at {MoneyFormatPenalty(report.PenaltyUsdPerTonne)} USD/t plus the commodity's value per tonne).");
        o.WriteLine("A negative extra cost next to lost tonnes means the plan is cheaper only because it ships less.");
        o.WriteLine();
        var table = new TextTable("rank", "kind", "element", "op. extra", "op. lost t/yr", "str. extra", "str. lost t/yr", "strategic builds").AlignRight(0, 3, 4, 5, 6);
        foreach (var x in report.Outages.Take(top ?? int.MaxValue))
        {
            table.Add(x.Rank.ToString(System.Globalization.CultureInfo.InvariantCulture), x.Kind.ToString().ToLowerInvariant(), x.ElementId,
                Answer(x.Operational.ExtraAnnualCostUsd, x.Operational), T(x.Operational.UnshippedTonnes),
                Answer(x.Strategic.ExtraAnnualCostUsd, x.Strategic), T(x.Strategic.UnshippedTonnes), List(x.Strategic.Built));
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
