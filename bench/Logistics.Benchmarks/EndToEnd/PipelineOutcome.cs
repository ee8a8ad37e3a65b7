namespace Logistics.Benchmarks.EndToEnd;

/// <summary>What one pipeline gave on one instance: its wall time, whether it proved an optimum, its objective (null when none) and a note when it failed.</summary>
public sealed record PipelineOutcome(TimeSpan Wall, bool Optimal, double? Objective, string? Failure = null);
