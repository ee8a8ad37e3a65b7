namespace Logistics.Benchmarks.EndToEnd;

/// <summary>What one pipeline gave on one instance: its wall time, whether it proved an optimum, its objective (null when none), a note when it failed, and its CPU time (zero where unknown).</summary>
public sealed record PipelineOutcome(TimeSpan Wall, bool Optimal, double? Objective, string? Failure = null, TimeSpan Cpu = default);
