using System.Text.Json;

using Npgsql;

using NpgsqlTypes;

namespace Logistics.Distributed;

/// <summary>One item whose Hangfire job is still to be created.</summary>
public sealed record PendingItem(long StudyId, int Stage, int Item);
