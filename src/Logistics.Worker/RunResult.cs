namespace Logistics.Worker;

/// <summary>How the last run of a network came out.</summary>
/// <param name="Source">The watched network file or the job that produced it.</param>
/// <param name="Report">Bundle folder relative to the reports folder, when one was written.</param>
public sealed record RunResult(DateTimeOffset At, string Source, string? Report, string? ReportStatus, string? Summary, string? Error);
