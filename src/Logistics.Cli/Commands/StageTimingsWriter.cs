using System.Diagnostics;
using System.Globalization;

using Logistics.Network.Diagnostics;
using Logistics.Optimisation;
using Logistics.Presentation;

namespace Logistics.Cli.Commands;

/// <summary>
/// <c>solve --timings</c>: where every millisecond of the run went, stage by stage, from the process start to the
/// output (docs/benchmarks.md, "Where the time goes"). Printed only when asked, so ordinary output stays stable.
/// </summary>
internal static class StageTimingsWriter
{
    /// <summary>From the operating system's process start to now: runtime start-up, JIT of the host and argument parsing.</summary>
    public static TimeSpan SinceProcessStart()
    {
        using var process = Process.GetCurrentProcess();
        var since = DateTime.Now - process.StartTime;
        return since > TimeSpan.Zero ? since : TimeSpan.Zero;
    }

    public static void Write(TextWriter writer, TimeSpan processStart, StageTimings stages, SolverRun? run, TimeSpan output, TimeSpan total)
    {
        var rows = new List<(string Stage, TimeSpan Time)> { ("process start (runtime, host, arguments)", processStart) };
        // Validation checks end before the bind-and-validate stage that holds them: list them under it.
        var checks = stages.Stages.Where(s => s.Stage.StartsWith("validate: ", StringComparison.Ordinal)).ToList();
        foreach (var stage in stages.Stages.Where(s => !s.Stage.StartsWith("validate: ", StringComparison.Ordinal)))
        {
            rows.Add((stage.Stage, stage.Elapsed));
            if (stage.Stage == "bind and validate")
            {
                rows.AddRange(checks.Select(c => ("  " + c.Stage, c.Elapsed)));
                rows.Add(("  bind, scenario, other", stage.Elapsed - checks.Aggregate(TimeSpan.Zero, (sum, c) => sum + c.Elapsed)));
            }
        }

        if (run is not null)
        {
            rows.Add(("model build", run.BuildTime));
            rows.Add(("solve (with starting solution)", run.SolveTime));
            rows.Add(("extraction", run.ExtractTime));
            rows.Add(("prices", run.PriceTime));
            // The rest: creating the backend (the first use loads the OR-Tools native library) and, if infeasible, the diagnosis.
            rows.Add(("optimiser, other (backend start-up)", run.WallTime - run.BuildTime - run.SolveTime - run.ExtractTime - run.PriceTime));
        }

        rows.Add(("output", output));
        rows.Add(("total since process start", total));
        writer.WriteLine();
        writer.WriteLine("Timings");
        // The one console table; an indented stage name shows a part of the stage above it. No thousands separator, so
        // a script can read the milliseconds as plain numbers.
        var table = new TextTable(("stage", false), ("ms", true));
        foreach (var (stage, time) in rows) table.Add(stage, time.TotalMilliseconds.ToString("F1", CultureInfo.InvariantCulture));
        table.WriteTo(writer);
    }
}
