using System.Globalization;
using System.Text.Json;

namespace Logistics.Benchmarks.EndToEnd;

/// <summary>Reads each pipeline's answer from what it leaves behind: the CLI's result JSON, CBC's solution file, the peer script's JSON line.</summary>
public static class OutcomeParsers
{
    /// <summary><c>logistics solve --json</c>: <c>status</c> and <c>objectiveUsdPerYear</c> (docs/result-format.md).</summary>
    public static PipelineOutcome FromResultJson(ProcessRun run, string resultPath)
    {
        if (!File.Exists(resultPath))
            return Failed(run, "no result file");
        using var json = JsonDocument.Parse(File.ReadAllText(resultPath));
        var root = json.RootElement;
        var optimal = root.GetProperty("status").GetString() == "optimal";
        var objective = root.GetProperty("objectiveUsdPerYear") is { ValueKind: JsonValueKind.Number } o ? o.GetDouble() : (double?)null;
        return new PipelineOutcome(run.Wall, optimal && run.ExitCode == 0, objective, optimal ? null : "status " + root.GetProperty("status").GetString(), run.Cpu);
    }

    /// <summary>CBC's <c>solu</c> file starts "Optimal - objective value 1040444.375" (or another status before the dash).</summary>
    public static PipelineOutcome FromCbcSolution(ProcessRun run, string solutionPath)
    {
        if (!File.Exists(solutionPath))
            return Failed(run, "no solution file");
        var first = File.ReadLines(solutionPath).FirstOrDefault() ?? "";
        const string Marker = "objective value";
        var at = first.IndexOf(Marker, StringComparison.Ordinal);
        if (at < 0 || !double.TryParse(first[(at + Marker.Length)..].Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
            return Failed(run, $"unreadable solution line '{first}'");
        var optimal = first.StartsWith("Optimal", StringComparison.Ordinal);
        return new PipelineOutcome(run.Wall, optimal, value, optimal ? null : first, run.Cpu);
    }

    /// <summary>The peer script's last line: <c>{"instance": …, "status": "Optimal", "objective": …}</c>.</summary>
    public static PipelineOutcome FromPeerLine(ProcessRun run)
    {
        var line = run.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).LastOrDefault();
        if (line is null || !line.StartsWith('{'))
            return Failed(run, "no result line");
        using var json = JsonDocument.Parse(line);
        var status = json.RootElement.GetProperty("status").GetString();
        var objective = json.RootElement.GetProperty("objective") is { ValueKind: JsonValueKind.Number } o ? o.GetDouble() : (double?)null;
        return new PipelineOutcome(run.Wall, status == "Optimal" && run.ExitCode == 0, objective, status == "Optimal" ? null : "status " + status, run.Cpu);
    }

    private static PipelineOutcome Failed(ProcessRun run, string what)
    {
        var detail = (run.Error.Trim().Length > 0 ? run.Error : run.Output).Trim();
        var firstLine = detail.Split('\n').FirstOrDefault() ?? "";
        return new PipelineOutcome(run.Wall, false, null, string.Create(CultureInfo.InvariantCulture, $"{what} (exit {run.ExitCode}{(firstLine.Length > 0 ? ": " + firstLine : "")})"), run.Cpu);
    }
}
