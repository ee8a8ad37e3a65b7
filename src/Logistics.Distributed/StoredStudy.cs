using System.Text.Json;

using Npgsql;

using NpgsqlTypes;

namespace Logistics.Distributed;

/// <summary>A stored study's row.</summary>
public sealed record StoredStudy(long Id, StudyDefinition Definition, string InputHash, string State, int Stage, string? Message);
