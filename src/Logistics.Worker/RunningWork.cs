namespace Logistics.Worker;

/// <summary>One piece of work being built now.</summary>
public sealed record RunningWork(WorkKind Kind, string Name, string? Network, DateTimeOffset StartedAt);
