using System.Collections.Immutable;

namespace Logistics.Worker;

/// <summary>The content of <c>reports/status.json</c>.</summary>
public sealed record StatusDocument(
    DateTimeOffset UpdatedAt,
    int QueueLength,
    QueueStatus Queue,
    int MaxConcurrentJobs,
    ImmutableArray<RunningWork> Running,
    ImmutableSortedDictionary<string, NetworkStatus> Networks);
