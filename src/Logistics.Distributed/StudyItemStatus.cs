using Hangfire;
using Hangfire.PostgreSql;

using Logistics.Network.IO;
using Logistics.Network.Loading;

using Microsoft.Extensions.Logging.Abstractions;

using Npgsql;

namespace Logistics.Distributed;

/// <summary>One item's state as <c>logistics study status</c> shows it.</summary>
public sealed record StudyItemStatus(int Stage, int Item, int FirstUnit, int UnitCount, string State, int Attempts, string? Worker, string? Error, double? RunMilliseconds);
