namespace Logistics.Benchmarks.EndToEnd;

/// <summary>One finished child process: its exit code, what it printed and its wall time from start to exit.</summary>
public sealed record ProcessRun(int ExitCode, string Output, string Error, TimeSpan Wall);
