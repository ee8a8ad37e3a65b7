using System.Text.Json;

using Npgsql;

using NpgsqlTypes;

namespace Logistics.Distributed;

/// <summary>What one run of an item found when it started.</summary>
/// <param name="Attempts">Runs started so far, this one included (a hand-back on shutdown does not count).</param>
public sealed record ItemStart(string State, int Attempts, int FirstUnit, int UnitCount);
