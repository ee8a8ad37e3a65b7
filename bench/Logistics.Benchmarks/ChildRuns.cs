using System.Diagnostics;
using System.Globalization;

namespace Logistics.Benchmarks;

/// <summary>Runs the <c>instance</c> verb once per instance in a child process, so each row's peak memory is that run's own.</summary>
public static class ChildRuns
{
    /// <param name="bothGates">Each instance with the built-link gate on, then off; otherwise off only (the default, docs/model.md).</param>
    public static int Table(IReadOnlyList<string> names, string backend, double timeLimit, double gap, bool bothGates, bool split, bool noStart, TextWriter output)
    {
        output.WriteLine(BenchmarkResult.Header);
        var failed = false;
        foreach (var name in names)
        {
            foreach (var gate in bothGates ? new[] { true, false } : [false])
            {
                var start = new ProcessStartInfo(Environment.ProcessPath!) { RedirectStandardOutput = true, UseShellExecute = false };
                if (Path.GetFileNameWithoutExtension(Environment.ProcessPath!) == "dotnet")
                    start.ArgumentList.Add(typeof(BenchmarkRunner).Assembly.Location);
                foreach (var a in new[] { "instance", name, "--backend", backend, "--time-limit", timeLimit.ToString(CultureInfo.InvariantCulture), "--gap", gap.ToString(CultureInfo.InvariantCulture) })
                    start.ArgumentList.Add(a);
                if (!gate)
                    start.ArgumentList.Add("--no-gate");
                if (split)
                    start.ArgumentList.Add("--split-classes");
                if (noStart)
                    start.ArgumentList.Add("--no-start");
                using var child = Process.Start(start)!;
                output.WriteLine(child.StandardOutput.ReadToEnd().TrimEnd());
                child.WaitForExit();
                failed |= child.ExitCode != 0;
            }
        }

        return failed ? 1 : 0;
    }
}
