using System.Collections.Immutable;

using Hangfire.PostgreSql;

using Logistics.Network.IO;
using Logistics.Network.Loading;

using Microsoft.Extensions.Logging.Abstractions;

using Npgsql;

namespace Logistics.Distributed;

/// <summary>A study's progress: its state, its items, and when it was submitted, last finished an item and was assembled.</summary>
public sealed record StudyStatus(
    long Id, StudyKind Kind, string State, int Stage, string? Message, ImmutableArray<StudyItemStatus> Items,
    DateTimeOffset SubmittedAt, DateTimeOffset? LastItemAt, DateTimeOffset? FinishedAt)
{
    /// <summary>True once the study will not change any more (done, partial or failed).</summary>
    public bool Finished => State is "done" or "partial" or "failed";

    public int Count(string state) => Items.Count(i => i.State == state);
}
