using System.Globalization;

using Logistics.Benchmarks.StandardSets;

namespace Logistics.Benchmarks.EndToEnd;

/// <summary>
/// Issue 15's side-by-side benchmark on the OR-Library CFLP set: each instance converted to a network file (one
/// commodity, as a planner would write it), then, one after the other so a busy moment of the machine hits all three
/// alike: <c>logistics solve FILE --json</c> as a process, the raw <c>cbc</c> binary on the model that
/// <c>logistics solve --export-model</c> wrote (exported beforehand, untimed), and the independent PuLP + CBC peer
/// script reading the raw OR-Library file. Every objective must be optimal at the published value.
/// Exit codes: 0 all agree, 1 a bad instance name or file, 3 an objective disagrees, 4 a program is missing.
/// </summary>
public static class CflpEndToEnd
{
    public const int MissingTool = 4;

    /// <summary>The 37 instances with published optima, in the OR-Library's order (cap41 … cap134).</summary>
    public static IReadOnlyList<string> AllInstances { get; } =
        [.. KnownValues.Cap.Keys.OrderBy(n => int.Parse(n.AsSpan(3), CultureInfo.InvariantCulture))];

    /// <param name="keep">A folder to write the network files, models and results into and leave there; null for a temporary one, deleted at the end.</param>
    public static int Run(IReadOnlyList<string> names, string? data, string? cli, string? python, string? solver, string? keep, TextWriter output, TextWriter error)
    {
        var chosen = names.Count == 0 ? AllInstances : names;
        if (chosen.FirstOrDefault(n => !KnownValues.Cap.ContainsKey(n)) is { } unknown)
        {
            error.WriteLine($"error: '{unknown}' is not a CFLP instance with a published optimum; use one of {string.Join(", ", AllInstances)}.");
            return 1;
        }

        PeerTools tools;
        string folder;
        try
        {
            tools = PeerTools.Locate(cli, python);
            folder = Path.Combine(BenchmarkFolder.Locate(data), "cflp");
        }
        catch (Exception e) when (e is MissingToolException or DirectoryNotFoundException)
        {
            error.WriteLine($"error: {e.Message}");
            return e is MissingToolException ? MissingTool : 1;
        }

        var work = Path.GetFullPath(keep ?? Path.Combine(Path.GetTempPath(), "logistics-cflp-e2e-" + Environment.ProcessId.ToString(CultureInfo.InvariantCulture)));
        Directory.CreateDirectory(work);
        try
        {
            output.WriteLine($"logistics: {string.Join(' ', tools.CliPrefix.Prepend(tools.CliProgram))}{(solver is null ? "" : " --solver " + solver)}; cbc: {tools.Cbc}; peer: {tools.Python} {PeerTools.PeerScriptPath}");
            output.WriteLine($"load average at the start: {LoadAverage()}");
            output.WriteLine();
            output.WriteLine("| Instance | Links | logistics solve (s) | raw CBC on its export (s) | PuLP + CBC (s) | logistics / CBC | logistics / PuLP | Largest rel. diff. from published |");
            output.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|");
            var rows = new List<EndToEndRow>();
            foreach (var name in chosen)
            {
                EndToEndRow row;
                try
                {
                    row = RunOne(name, Path.Combine(folder, name + ".txt"), work, tools, solver);
                }
                catch (BenchmarkFileException e)
                {
                    error.WriteLine($"error: {e.Message}");
                    return 1;
                }

                rows.Add(row);
                output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"| {row.Name} | {row.Links:N0} | {S(row.Logistics)} | {S(row.Cbc)} | {S(row.Pulp)} | {Ratio(row.Logistics.Wall, row.Cbc.Wall)} | {Ratio(row.Logistics.Wall, row.Pulp.Wall)} | {Difference(row)} |"));
            }

            Summarise(rows, output);
            foreach (var row in rows.Where(r => !r.Agrees))
            {
                foreach (var (label, outcome) in new[] { ("logistics", row.Logistics), ("raw CBC", row.Cbc), ("PuLP + CBC", row.Pulp) })
                    error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{row.Name}: {label} {(outcome.Failure ?? "objective " + outcome.Objective)} against the published {row.Published}"));
            }

            return rows.All(r => r.Agrees) ? 0 : 3;
        }
        finally
        {
            if (keep is null)
                Directory.Delete(work, recursive: true);
        }
    }

    private static EndToEndRow RunOne(string name, string cflpPath, string work, PeerTools tools, string? solver)
    {
        var (networkPath, network) = CflpNetworkFile.Write(cflpPath, work, CflpCommodities.One);
        var file = Path.GetFileName(networkPath);
        var model = name + ".mps";
        // The export is written before the solve; the tiny limit skips a solve this step does not need. Not timed.
        var export = TimedProcess.Run(tools.CliProgram, [.. tools.CliPrefix, "solve", file, "--export-model", model, "--time-limit", "0.001", .. SolverArguments(solver)], work);
        if (!File.Exists(Path.Combine(work, model)))
            throw new BenchmarkFileException($"{file}: 'logistics solve --export-model' wrote no model (exit {export.ExitCode}): {export.Error.Trim()}");

        var result = name + ".result.json";
        var logistics = TimedProcess.Run(tools.CliProgram, [.. tools.CliPrefix, "solve", file, "--json", result, .. SolverArguments(solver)], work);
        var solution = name + ".cbc.txt";
        var cbc = TimedProcess.Run(tools.Cbc, [model, "-solve", "-solu", solution], work);
        var pulp = TimedProcess.Run(tools.Python, [tools.PeerScript, cflpPath], work);
        return new EndToEndRow(name, network.Links.Length, KnownValues.Cap[name].Value,
            OutcomeParsers.FromResultJson(logistics, Path.Combine(work, result)),
            OutcomeParsers.FromCbcSolution(cbc, Path.Combine(work, solution)),
            OutcomeParsers.FromPeerLine(pulp));
    }

    private static string[] SolverArguments(string? solver) => solver is null ? [] : ["--solver", solver];

    private static void Summarise(IReadOnlyList<EndToEndRow> rows, TextWriter output)
    {
        if (rows.Count == 0)
            return;
        double Sum(Func<EndToEndRow, PipelineOutcome> pick) => rows.Sum(r => pick(r).Wall.TotalSeconds);
        var (logistics, cbc, pulp) = (Sum(r => r.Logistics), Sum(r => r.Cbc), Sum(r => r.Pulp));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| **sum of {rows.Count}** | | **{logistics:F2}** | **{cbc:F2}** | **{pulp:F2}** | **{logistics / cbc:F2}** | **{logistics / pulp:F2}** | {rows.Max(r => r.WorstDifference):0.0e+0} |"));
        output.WriteLine();
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Median per instance: logistics / raw CBC {Median(rows.Select(r => r.Logistics.Wall / r.Cbc.Wall)):F2}, logistics / PuLP + CBC {Median(rows.Select(r => r.Logistics.Wall / r.Pulp.Wall)):F2}."));
        output.WriteLine(rows.All(r => r.Agrees)
            ? $"All three pipelines proved every instance optimal at its published value (relative tolerance {EndToEndRow.Tolerance:0e+0})."
            : $"DISAGREEMENT on {string.Join(", ", rows.Where(r => !r.Agrees).Select(r => r.Name))} (details on standard error).");
        output.WriteLine($"load average at the end: {LoadAverage()}");
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
    }

    private static string S(PipelineOutcome outcome) =>
        string.Create(CultureInfo.InvariantCulture, $"{outcome.Wall.TotalSeconds:F2}{(outcome.Optimal ? "" : " (failed)")}");

    private static string Ratio(TimeSpan a, TimeSpan b) => (a / b).ToString("F2", CultureInfo.InvariantCulture);

    private static string Difference(EndToEndRow row) =>
        double.IsFinite(row.WorstDifference) ? row.WorstDifference.ToString("0.0e+0", CultureInfo.InvariantCulture) : "no objective";

    /// <summary>The 1-, 5- and 15-minute load averages (Linux), so a reader can judge how shared the machine was.</summary>
    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown (no /proc/loadavg)";
}
