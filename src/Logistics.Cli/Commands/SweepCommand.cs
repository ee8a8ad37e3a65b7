using System.CommandLine;
using System.Globalization;

using Logistics.Analysis;
using Logistics.Application;
using Logistics.Presentation;

using static Logistics.Cli.Commands.CommandSupport;

namespace Logistics.Cli.Commands;

/// <summary>
/// <c>logistics sweep FILE --param PATH --from A --to B --steps N [--scenario S] [--tolerance T] [--parallel N] [--json FILE]</c>:
/// sets one numeric field to each of N values, solves each, and brackets every switching point by bisection (docs/analyses.md).
/// </summary>
public static class SweepCommand
{
    public static Command Create(CliContext context)
    {
        var param = new Option<string>("--param") { Description = "The field to vary, as a scenario path, e.g. options[pasni-package].capexUsd.", Required = true };
        var from = new Option<double>("--from") { Description = "First value.", Required = true };
        var to = new Option<double>("--to") { Description = "Last value.", Required = true };
        var steps = new Option<int>("--steps") { Description = "Number of values from --from to --to, both included (at least 2).", DefaultValueFactory = _ => 11 };
        var tolerance = new Option<double?>("--tolerance") { Description = "Bracket switching points to this width (default: a thousandth of the step)." };
        var scenario = ScenarioOption();
        var figures = (int?)null;
        var verb = new AnalysisVerb(context, "sweep", "Vary one numeric field over a range, solve at each value and find where the builds switch.", param, from, to, steps, tolerance, scenario);
        return verb.Create(
            parse =>
                parse.GetValue(steps) < 2 ? "--steps must be at least 2."
                : parse.GetValue(steps) > MaxSteps ? TooManySteps(parse.GetValue(steps), parse.GetValue(verb.Solver.TimeLimit), parse.GetValue(verb.Parallel))
                : !double.IsFinite(parse.GetValue(from)) || !double.IsFinite(parse.GetValue(to)) ? "--from and --to must be finite numbers."
                : parse.GetValue(from) == parse.GetValue(to) ? "--from and --to must differ."
                : parse.GetValue(tolerance) is { } t && !(t > 0 && double.IsFinite(t)) ? "--tolerance must be a positive number."
                : null,
            (parse, source, study) =>
            {
                figures = source.CountFigures(parse.GetValue(param)!).Figures;
                var request = new SweepRequest(parse.GetValue(param)!, parse.GetValue(from), parse.GetValue(to), parse.GetValue(steps), parse.GetValue(scenario), parse.GetValue(tolerance));
                var result = new StudyRunner().Run(source, study with { Scenario = request.Scenario, Analyses = [AnalysisKind.Sweep], Sweeps = [request] }, context.CancellationToken);
                return Analysed<SweepReport>.Done(result.Sweeps.Single());
            },
            (_, o, report) => Write(o, report, figures));
    }

    /// <summary>More points than anyone reads from a table, and hours of solving: a typo (a million for a thousand) is refused.</summary>
    public const int MaxSteps = 10_000;

    /// <summary>The refusal, with what the sweep would cost: one solve per step, at the time limit each when one is given.</summary>
    internal static string TooManySteps(int steps, double? timeLimit, int parallel)
    {
        var perSolve = timeLimit ?? 1.0;
        var seconds = steps * perSolve / Math.Max(1, parallel);
        var estimate = TimeSpan.FromSeconds(Math.Min(seconds, TimeSpan.MaxValue.TotalSeconds / 2));
        var basis = timeLimit is null ? "at about 1 s per solve (the default network's)" : $"at up to the --time-limit of {V(perSolve)} s per solve";
        return string.Create(CultureInfo.InvariantCulture,
            $"--steps {steps:#,0} is over the maximum of {MaxSteps:#,0}: that is {steps:#,0} solves, {basis} and {Math.Max(1, parallel)} at once about {(estimate.TotalDays >= 1 ? $"{estimate.TotalDays:#,0.0} days" : $"{estimate.TotalHours:#,0.0} hours")}. Sweep fewer steps; switching points are bracketed by bisection to --tolerance anyway.");
    }

    internal static void Write(TextWriter o, SweepReport report, int? figures = null)
    {
        // A wildcard or a [field=value] filter may reach many figures: say how many, so a path that reaches more (or fewer) than meant shows.
        if (figures is { } n)
            o.WriteLine(string.Create(CultureInfo.InvariantCulture, $"The path '{report.Path}' changes {n:#,0} figure{(n == 1 ? "" : "s")}."));
        o.WriteLine($"Sweep of {report.Path} from {V(report.From)} to {V(report.To)} ({(report.Scenario is null ? "base network" : $"scenario {report.Scenario}")}), {report.Points.Length} points, {report.Solves} solves");
        if (report.PresentValueBaseYear is { } year)
            o.WriteLine($"A plan over time: objectives are present values in {year} real USD over the whole horizon; port shares are the first period's; a switching point is where the schedule changes (an option added or dropped, or its build year moving).");
        o.WriteLine();
        var overTime = report.PresentValueBaseYear is not null;
        var table = new TextTable(["value", "status", overTime ? "PV M USD" : "M USD/yr", .. report.Ports.Select(p => $"{p} %"), overTime ? "schedule" : "builds"]).AlignRight([0, 2, .. Enumerable.Range(3, report.Ports.Length)]);
        foreach (var p in report.Points)
        {
            table.Add([V(p.Value), Status(p.Status), M(p.ObjectiveUsd),
                .. report.Ports.Select(port => p.PortShares.FirstOrDefault(s => s.Port == port) is { } s ? Number(s.Share * 100, "0.0") : "-"),
                overTime ? Schedule(p.Schedule) : List(p.Built)]);
        }

        table.WriteTo(o);
        o.WriteLine();
        if (report.SwitchingPoints.IsEmpty)
        {
            o.WriteLine(overTime ? "No switching point: the same options are built in the same years at every point." : "No switching point: the same options are built at every point.");
            return;
        }

        o.WriteLine($"Switching points (bracketed to {V(report.Tolerance)})");
        var switches = overTime
            ? new TextTable("between", "and", "estimate", "schedule before", "schedule after", "what changes").AlignRight(0, 1, 2)
            : new TextTable("between", "and", "estimate", "builds before", "builds after").AlignRight(0, 1, 2);
        foreach (var s in report.SwitchingPoints)
        {
            if (overTime)
                switches.Add(V(s.Lower), V(s.Upper), V(s.Estimate), Schedule(s.ScheduleBelow), Schedule(s.ScheduleAbove), string.Join("; ", s.ScheduleChanges()));
            else
                switches.Add(V(s.Lower), V(s.Upper), V(s.Estimate), List(s.BuiltBelow), List(s.BuiltAbove));
        }

        switches.WriteTo(o);
    }

    /// <summary>"2028 a, 2034 b" or "(none)".</summary>
    private static string Schedule(System.Collections.Immutable.ImmutableArray<ScheduledOption>? schedule) =>
        schedule is { IsDefaultOrEmpty: false } s ? string.Join(", ", s) : "(none)";

    /// <summary>A swept value: thousands separators for large numbers, significant digits for small ones.</summary>
    private static string V(double value) =>
        Math.Abs(value) >= 1000 ? value.ToString("#,0", CultureInfo.InvariantCulture) : value.ToString("G6", CultureInfo.InvariantCulture);
}
