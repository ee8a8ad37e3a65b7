using System.Globalization;

using Logistics.Benchmarks.StandardSets;

namespace Logistics.Benchmarks.EndToEnd;

/// <summary>
/// Issue 15's side-by-side benchmark on the OR-Library CFLP set: each instance converted to a network file (one
/// commodity, as a planner would write it), then, one after the other so a busy moment of the machine hits all alike:
/// <c>logistics solve FILE --json</c> as a process (and each <c>--also-cli</c> executable the same way: the ReadyToRun
/// publish, the Native AOT <c>logistics-solve</c>), the raw <c>cbc</c> binary on the model that
/// <c>logistics solve --export-model</c> wrote (exported beforehand, untimed), and the independent PuLP + CBC peer
/// script reading the raw OR-Library file. Every objective must be optimal at the published value. With
/// <c>--cold-runs N</c> it first times each executable's cold <c>solve</c> of the default network N times.
/// Exit codes: 0 all agree, 1 a bad instance name or file, 3 an objective disagrees, 4 a program is missing.
/// </summary>
public static class CflpEndToEnd
{
    public const int MissingTool = 4;

    /// <summary>The network whose cold <c>solve</c> issue 15 wants under 0.5 s.</summary>
    public const string DefaultNetwork = "networks/chagai.network.json";

    /// <summary>The 37 instances with published optima, in the OR-Library's order (cap41 … cap134).</summary>
    public static IReadOnlyList<string> AllInstances { get; } =
        [.. KnownValues.Cap.Keys.OrderBy(n => int.Parse(n.AsSpan(3), CultureInfo.InvariantCulture))];

    /// <param name="keep">A folder to write the network files, models and results into and leave there; null for a temporary one, deleted at the end.</param>
    /// <param name="alsoClis">Further logistics executables timed beside <paramref name="cli"/> on every instance.</param>
    /// <param name="coldRuns">Timed cold solves of the default network per executable before the instances; 0 for none.</param>
    public static int Run(IReadOnlyList<string> names, string? data, string? cli, IReadOnlyList<string> alsoClis, string? python, string? solver, string? keep, int coldRuns,
        TextWriter output, TextWriter error)
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
            tools = PeerTools.Locate(cli, python, alsoClis);
            folder = Path.Combine(BenchmarkFolder.Locate(data), "cflp");
        }
        catch (Exception e) when (e is MissingToolException or DirectoryNotFoundException)
        {
            error.WriteLine($"error: {e.Message}");
            return e is MissingToolException ? MissingTool : 1;
        }

        var clis = Clis(tools);
        var work = Path.GetFullPath(keep ?? Path.Combine(Path.GetTempPath(), "logistics-cflp-e2e-" + Environment.ProcessId.ToString(CultureInfo.InvariantCulture)));
        Directory.CreateDirectory(work);
        try
        {
            foreach (var c in clis)
                output.WriteLine($"{c.Label}: {c.CommandLine}{(solver is null ? "" : " --solver " + solver)}");
            output.WriteLine($"cbc: {tools.Cbc}; peer: {tools.Python} {PeerTools.PeerScriptPath}");
            output.WriteLine($"load average at the start: {LoadAverage()}");
            output.WriteLine();
            if (coldRuns > 0)
                ColdStarts(clis, coldRuns, output);

            output.WriteLine("| Instance | Links | " + string.Join(" | ", clis.Select(c => c.Label + " (s)")) + " | raw CBC on its export (s) | PuLP + CBC (s) | "
                + string.Join(" | ", clis.Select(c => $"{c.Label} / CBC | {c.Label} / PuLP")) + " | Largest rel. diff. from published |");
            output.WriteLine("|---|---:|" + string.Concat(Enumerable.Repeat("---:|", (clis.Count * 3) + 3)));
            var rows = new List<EndToEndRow>();
            foreach (var name in chosen)
            {
                EndToEndRow row;
                try
                {
                    row = RunOne(name, Path.Combine(folder, name + ".txt"), work, tools.Cbc, tools.Python, tools.PeerScript, clis, solver);
                }
                catch (BenchmarkFileException e)
                {
                    error.WriteLine($"error: {e.Message}");
                    return 1;
                }

                rows.Add(row);
                var times = Pipelines(row);
                output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"| {row.Name} | {row.Links:N0} | {string.Join(" | ", times.Select(S))} | {string.Join(" | ", times.Take(clis.Count).Select(t => $"{Ratio(t.Wall, row.Cbc.Wall)} | {Ratio(t.Wall, row.Pulp.Wall)}"))} | {Difference(row)} |"));
            }

            Summarise(rows, clis, output);
            foreach (var row in rows.Where(r => !r.Agrees))
            {
                var outcomes = clis.Select(c => c.Label).Zip(Pipelines(row)).Concat([("raw CBC", row.Cbc), ("PuLP + CBC", row.Pulp)]);
                foreach (var (label, outcome) in outcomes)
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

    /// <summary>The executables to time, labelled: "logistics solve" alone as before; with others, each by its file name.</summary>
    private static List<TimedCli> Clis(PeerTools tools)
    {
        var first = tools.CliPrefix.Count > 0 ? tools.CliPrefix[0] : tools.CliProgram;
        if (tools.AlsoClis.Count == 0)
            return [new TimedCli("logistics solve", tools.CliProgram, tools.CliPrefix)];
        var paths = tools.AlsoClis.Prepend(first).ToList();
        var labels = paths.Select(p => Path.GetFileNameWithoutExtension(p)).ToList();
        // Two builds of one program (a plain build and a ReadyToRun publish) are told apart by their folders.
        return [.. paths.Select((p, i) => TimedCli.At(p, labels.Count(l => l == labels[i]) > 1
            ? $"{Path.GetFileName(Path.GetDirectoryName(p))}/{labels[i]}"
            : labels[i]))];
    }

    /// <summary>
    /// The default network's <c>solve</c>, one process per run: one untimed run per executable (so every one finds the
    /// files in the page cache alike), then <paramref name="runs"/> timed; median wall and CPU time.
    /// </summary>
    private static void ColdStarts(IReadOnlyList<TimedCli> clis, int runs, TextWriter output)
    {
        var root = Logistics.TestKit.RepositoryPaths.FindAbove(Directory.GetCurrentDirectory()) ?? Logistics.TestKit.RepositoryPaths.Root;
        output.WriteLine($"Cold solve of {DefaultNetwork}, {runs} runs each after one untimed (median; target under 0.5 s):");
        output.WriteLine();
        output.WriteLine("| Executable | Median wall (s) | Median CPU (s) | Wall of each run (s) | Exit code |");
        output.WriteLine("|---|---:|---:|---|---:|");
        foreach (var cli in clis)
        {
            string[] arguments = [.. cli.Prefix, "solve", DefaultNetwork];
            TimedProcess.Run(cli.Program, arguments, root);
            var timed = Enumerable.Range(0, runs).Select(_ => TimedProcess.Run(cli.Program, arguments, root)).ToList();
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {cli.Label} | {Median(timed.Select(t => t.Wall.TotalSeconds)):F3} | {Median(timed.Select(t => t.Cpu.TotalSeconds)):F3} | {string.Join(", ", timed.Select(t => t.Wall.TotalSeconds.ToString("F3", CultureInfo.InvariantCulture)))} | {string.Join(",", timed.Select(t => t.ExitCode).Distinct())} |"));
        }

        output.WriteLine();
    }

    private static EndToEndRow RunOne(string name, string cflpPath, string work, string cbcProgram, string python, string peerScript, IReadOnlyList<TimedCli> clis, string? solver)
    {
        var (networkPath, network) = CflpNetworkFile.Write(cflpPath, work, CflpCommodities.One);
        var file = Path.GetFileName(networkPath);
        var model = name + ".mps";
        // The export is written before the solve, by the first executable; the tiny limit skips a solve this step does not need. Not timed.
        var exporter = clis[0];
        var export = TimedProcess.Run(exporter.Program, [.. exporter.Prefix, "solve", file, "--export-model", model, "--time-limit", "0.001", .. SolverArguments(solver)], work);
        if (!File.Exists(Path.Combine(work, model)))
            throw new BenchmarkFileException($"{file}: 'logistics solve --export-model' wrote no model (exit {export.ExitCode}): {export.Error.Trim()}");

        var outcomes = clis.Select((cli, i) =>
        {
            var result = $"{name}.result{i.ToString(CultureInfo.InvariantCulture)}.json";
            var run = TimedProcess.Run(cli.Program, [.. cli.Prefix, "solve", file, "--json", result, .. SolverArguments(solver)], work);
            return OutcomeParsers.FromResultJson(run, Path.Combine(work, result));
        }).ToList();
        var solution = name + ".cbc.txt";
        var cbc = TimedProcess.Run(cbcProgram, [model, "-solve", "-solu", solution], work);
        var pulp = TimedProcess.Run(python, [peerScript, cflpPath], work);
        return new EndToEndRow(name, network.Links.Length, KnownValues.Cap[name].Value, outcomes[0],
            OutcomeParsers.FromCbcSolution(cbc, Path.Combine(work, solution)),
            OutcomeParsers.FromPeerLine(pulp))
        {
            AlsoClis = outcomes[1..],
        };
    }

    /// <summary>The row's logistics executables in order, then raw CBC and PuLP + CBC: the table's time columns.</summary>
    private static List<PipelineOutcome> Pipelines(EndToEndRow row) => [row.Logistics, .. row.AlsoClis, row.Cbc, row.Pulp];

    private static string[] SolverArguments(string? solver) => solver is null ? [] : ["--solver", solver];

    private static void Summarise(IReadOnlyList<EndToEndRow> rows, IReadOnlyList<TimedCli> clis, TextWriter output)
    {
        if (rows.Count == 0)
            return;
        var count = clis.Count + 2;
        var wall = Enumerable.Range(0, count).Select(i => rows.Sum(r => Pipelines(r)[i].Wall.TotalSeconds)).ToList();
        var cpu = Enumerable.Range(0, count).Select(i => rows.Sum(r => Pipelines(r)[i].Cpu.TotalSeconds)).ToList();
        var (cbc, pulp) = (wall[count - 2], wall[count - 1]);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| **sum of {rows.Count}** | | {string.Join(" | ", wall.Select(w => $"**{w:F2}**"))} | {string.Join(" | ", wall.Take(clis.Count).Select(w => $"**{w / cbc:F2}** | **{w / pulp:F2}**"))} | {rows.Max(r => r.WorstDifference):0.0e+0} |"));
        output.WriteLine();
        for (var i = 0; i < clis.Count; i++)
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{clis[i].Label}: median per instance {Median(rows.Select(r => Pipelines(r)[i].Wall / r.Cbc.Wall)):F2}× raw CBC and {Median(rows.Select(r => Pipelines(r)[i].Wall / r.Pulp.Wall)):F2}× PuLP + CBC; CPU summed {cpu[i]:F2} s, {cpu[i] / cpu[count - 2]:F2}× raw CBC's and {cpu[i] / cpu[count - 1]:F2}× PuLP + CBC's."));
        }

        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"CPU summed: raw CBC {cpu[count - 2]:F2} s, PuLP + CBC {cpu[count - 1]:F2} s (a child's own children included)."));
        output.WriteLine(rows.All(r => r.Agrees)
            ? $"Every pipeline proved every instance optimal at its published value (relative tolerance {EndToEndRow.Tolerance:0e+0})."
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
