using System.Collections.Immutable;
using System.CommandLine;

using Logistics.Analysis;
using Logistics.Application;
using Logistics.Optimisation;
using Logistics.Presentation;

using static Logistics.Cli.Commands.CommandSupport;

namespace Logistics.Cli.Commands;

/// <summary>
/// <c>logistics compare FILE [--scenarios a,b,...|all] [--parallel N] [--json FILE]</c>: solves the base and each
/// scenario and prints them side by side (docs/analyses.md). A scenario without a solution shows its diagnosis.
/// </summary>
public static class CompareCommand
{
    public static Command Create(CliContext context)
    {
        var scenarios = new Option<string>("--scenarios") { Description = "Comma-separated scenario ids, or 'all' (the default).", DefaultValueFactory = _ => "all" };
        var verb = new AnalysisVerb(context, "compare", "Solve the base and scenarios and compare builds, costs, ports and routes side by side.", scenarios);
        return verb.Create(
            _ => null,
            (parse, source, study) =>
            {
                var wanted = parse.GetValue(scenarios) ?? "all";
                var ids = wanted.Trim() == "all"
                    ? source.ScenarioIds.ToList()
                    : wanted.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
                var unknown = ids.Where(id => !source.ScenarioIds.Contains(id)).ToList();
                if (unknown.Count > 0)
                {
                    context.Error.WriteLine($"error: {source.FilePath} defines no scenario {string.Join(", ", unknown.Select(u => $"'{u}'"))}. Known scenarios: {List(source.ScenarioIds)}.");
                    return Analysed<ComparisonReport>.Failed(ExitCodes.InvalidInput);
                }

                var result = new StudyRunner().Run(source, study with { Analyses = [AnalysisKind.Compare], Scenarios = [.. ids] }, context.CancellationToken);
                return Analysed<ComparisonReport>.Done(result.Comparison!);
            },
            (_, o, report) => Write(o, report));
    }

    internal static void Write(TextWriter o, ComparisonReport report)
    {
        var outcomes = report.Outcomes;
        static string Column(ScenarioOutcome x) => x.Scenario ?? "base";
        // A plan over time: totals are present values over the horizon, builds have years, flows are the first period's.
        var pv = report.PresentValueBaseYear;
        var money = pv is { } year ? $"M USD, present value in {year} USD" : "M USD/yr";
        var first = report.FirstPeriod is { } span ? $", first period {span}" : "";
        o.WriteLine($"Network: {report.NetworkName}");
        o.WriteLine(pv is { } y
            ? $"Compared: base and {outcomes.Length - 1} scenario(s), each a plan over time. Money in M USD, present value in {y} real USD over the whole horizon; differences are against the base."
            : $"Compared: base and {outcomes.Length - 1} scenario(s). Money in M USD/yr; differences are against the base.");
        o.WriteLine();

        o.WriteLine(pv is null ? "Annual cost" : "Present value");
        var summary = pv is null
            ? new TextTable("scenario", "status", "M USD/yr", "vs base", "builds added", "builds removed").AlignRight(2, 3)
            : new TextTable("scenario", "status", "PV M USD", "vs base", "builds added", "builds removed", "build year moved").AlignRight(2, 3);
        foreach (var x in outcomes)
        {
            string[] cells = [Column(x), Status(x.Status), M(x.AnnualCostUsd), x.Scenario is null ? "" : Signed(x.DeltaFromBaseUsd), x.Scenario is null ? "" : string.Join(", ", x.BuildsAdded), x.Scenario is null ? "" : string.Join(", ", x.BuildsRemoved)];
            summary.Add(pv is null ? cells : [.. cells, x.Scenario is null ? "" : string.Join(", ", x.BuildsMoved ?? [])]);
        }

        summary.WriteTo(o);
        o.WriteLine();

        if (pv is null)
        {
            Matrix(o, "Builds (x = built)", "option", outcomes, Column, report.Options.Select(id => (id.Value, (Func<ScenarioOutcome, string>)(x => !x.HasSolution ? "-" : x.Built.Contains(id) ? "x" : "."))), right: false);
        }
        else
        {
            Matrix(o, "Schedule (year in service; . = not built)", "option", outcomes, Column, report.Options.Select(id => (id.Value, (Func<ScenarioOutcome, string>)(x =>
                !x.HasSolution ? "-" : x.Schedule?.FirstOrDefault(s => s.Option == id) is { } s ? s.ServiceYear.ToString(System.Globalization.CultureInfo.InvariantCulture) : "."))), right: true);
            o.WriteLine("Schedules");
            foreach (var x in outcomes.Where(x => x.HasSolution))
                o.WriteLine($"  {Column(x)}: {ScheduledOption.Describe(x.Schedule ?? [])}");
            o.WriteLine();
        }

        Matrix(o, $"Cost by category ({money})", "category", outcomes, Column,
            Categories(outcomes).Select(c => (c.ToString(), (Func<ScenarioOutcome, string>)(x => x.HasSolution ? M(x.CostByCategory.Where(l => l.Category == c).Sum(l => l.UsdPerYear)) : "-"))), right: true);
        var scenarios = outcomes.Skip(1).ToList();
        if (scenarios.Count > 0)
        {
            Matrix(o, $"Cost by category, difference from the base ({money})", "category", scenarios, Column,
                Categories(outcomes).Select(c => (c.ToString(), (Func<ScenarioOutcome, string>)(x => x.DeltaFromBaseUsd is null ? "-" : Signed(x.CostByCategory.Where(l => l.Category == c).Sum(l => l.DeltaFromBaseUsd ?? 0))))), right: true);
        }

        Matrix(o, $"Delivered cost per tonne by commodity (USD/t, capex share included{first})", "commodity", outcomes, Column,
            report.Commodities.Select(c => (c.Value, (Func<ScenarioOutcome, string>)(x => x.CostPerTonne.FirstOrDefault(p => p.Commodity == c) is { TonnesPerYear: > 0 } p ? Number(p.UsdPerTonne, "#,0.0") : "-"))), right: true);
        Matrix(o, $"Tonnes through each port (t/yr{first})", "port", outcomes, Column,
            report.Ports.Select(p => (p.Value, (Func<ScenarioOutcome, string>)(x => x.HasSolution ? T(Tonnes(x, p)) : "-"))), right: true);
        if (scenarios.Count > 0)
        {
            Matrix(o, $"Tonnes through each port, difference from the base (t/yr{first})", "port", scenarios, Column,
                report.Ports.Select(p => (p.Value, (Func<ScenarioOutcome, string>)(x => x.HasSolution && report.Base.HasSolution ? SignedTonnes(Tonnes(x, p) - Tonnes(report.Base, p)) : "-"))), right: true);
        }

        o.WriteLine(report.FirstPeriod is { } firstSpan ? $"Main routes (first period, {firstSpan})" : "Main routes");
        var routes = new TextTable("scenario", "commodity", "mine", "market", "port", "t/yr", "USD/t", "path").AlignRight(5, 6);
        foreach (var x in outcomes)
        {
            foreach (var r in x.MainRoutes)
                routes.Add(Column(x), r.Commodity.Value, r.Mine.Value, r.Market.Value, r.Port?.Value ?? "-", T(r.TonnesPerYear), Number(r.UsdPerTonne, "#,0.0"), r.Path);
        }

        routes.WriteTo(o);
        var failed = outcomes.Where(x => x.Diagnosis is not null).ToList();
        if (failed.Count == 0) return;
        o.WriteLine();
        o.WriteLine("Scenarios without a solution");
        foreach (var x in failed)
        {
            o.WriteLine($"  {Column(x)} ({Status(x.Status)}):");
            foreach (var line in x.Diagnosis!.Problems)
                o.WriteLine($"    {line}");
        }
    }

    private static double Tonnes(ScenarioOutcome outcome, Network.Model.NodeId port) => outcome.PortTonnes.Where(t => t.Port == port).Sum(t => t.TonnesPerYear);

    /// <summary>A difference in tonnes with its sign; one that rounds to 0 shows no sign.</summary>
    private static string SignedTonnes(double tonnes) => Math.Round(tonnes) == 0 ? "0" : (tonnes > 0 ? "+" : "") + T(tonnes);

    private static void Matrix(TextWriter o, string title, string header, IReadOnlyList<ScenarioOutcome> outcomes, Func<ScenarioOutcome, string> column, IEnumerable<(string Row, Func<ScenarioOutcome, string> Cell)> rows, bool right)
    {
        o.WriteLine(title);
        var table = new TextTable([header, .. outcomes.Select(column)]);
        if (right) table.AlignRight([.. Enumerable.Range(1, outcomes.Count)]);
        foreach (var (row, cell) in rows)
            table.Add([row, .. outcomes.Select(cell)]);
        table.WriteTo(o);
        o.WriteLine();
    }

    /// <summary>Every category, but the plan-over-time ones only when an outcome has them (one-period output keeps its rows).</summary>
    /// <remarks>A plan over time has no annualised capex (its capex is in present-value outlays), so that row is left out when no outcome has it.</remarks>
    private static IEnumerable<CostCategory> Categories(ImmutableArray<ScenarioOutcome> outcomes)
    {
        var overTime = outcomes.Any(x => x.Schedule is not null);
        bool Any(CostCategory c) => outcomes.Any(x => x.CostByCategory.Any(l => l.Category == c));
        return Enum.GetValues<CostCategory>().Where(c => (c < CostCategory.CapexOutlay && !(overTime && c == CostCategory.AnnualisedCapex)) || Any(c));
    }

}
