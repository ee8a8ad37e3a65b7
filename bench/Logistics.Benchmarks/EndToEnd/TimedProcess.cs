using System.Diagnostics;

namespace Logistics.Benchmarks.EndToEnd;

/// <summary>Runs a program to its exit and times it from just before the start to the exit, as a planner's shell would, with the CPU it used. One child at a time: the CPU is read as a difference.</summary>
public static class TimedProcess
{
    public static ProcessRun Run(string program, IEnumerable<string> arguments, string workingDirectory)
    {
        var start = new ProcessStartInfo(program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory,
        };
        foreach (var a in arguments)
            start.ArgumentList.Add(a);
        var cpuBefore = ChildCpu.Total();
        var clock = Stopwatch.StartNew();
        using var child = Process.Start(start) ?? throw new InvalidOperationException($"Could not start '{program}'.");
        // Both streams read concurrently: a child that fills one pipe while we wait on the other would block forever.
        var output = child.StandardOutput.ReadToEndAsync();
        var error = child.StandardError.ReadToEndAsync();
        child.WaitForExit();
        var wall = clock.Elapsed;
        return new ProcessRun(child.ExitCode, output.GetAwaiter().GetResult(), error.GetAwaiter().GetResult(), wall, ChildCpu.Total() - cpuBefore);
    }
}
