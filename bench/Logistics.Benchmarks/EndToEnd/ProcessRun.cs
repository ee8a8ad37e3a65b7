namespace Logistics.Benchmarks.EndToEnd;

/// <summary>One finished child process: its exit code, what it printed, its wall time from start to exit and its CPU time (with its children's; zero where unknown).</summary>
public sealed record ProcessRun(int ExitCode, string Output, string Error, TimeSpan Wall, TimeSpan Cpu = default);
