namespace Logistics.Optimisation.Solving.Pipeline;

/// <summary>
/// The clock of one solve: when it started and, under a time limit, how much of the limit is left. The limit covers
/// the whole run (build, starting solution, solve, extraction and prices), so every step asks this clock, not the
/// limit itself, how long it may take.
/// </summary>
internal sealed class RunClock(TimeProvider time, TimeSpan? limit)
{
    private readonly long _started = time.GetTimestamp();

    public TimeProvider Time => time;

    /// <summary>The whole-run limit; null for none.</summary>
    public TimeSpan? Limit => limit;

    public long Now() => time.GetTimestamp();

    public TimeSpan Elapsed => time.GetElapsedTime(_started);

    public TimeSpan Since(long timestamp) => time.GetElapsedTime(timestamp);

    public TimeSpan Between(long from, long to) => time.GetElapsedTime(from, to);

    /// <summary>What is left of the limit (never negative); null without a limit.</summary>
    public TimeSpan? Remaining => limit is { } l ? (l - Elapsed is var left && left > TimeSpan.Zero ? left : TimeSpan.Zero) : null;

    /// <summary>True when a limit was given and it has run out.</summary>
    public bool Expired => Remaining is { } left && left <= TimeSpan.Zero;
}
