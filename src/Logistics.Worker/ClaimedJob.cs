namespace Logistics.Worker;

/// <summary>A job that has been moved to <c>processing/</c>.</summary>
/// <param name="Name">Job name (file name without <c>.json</c>), unique across processing, done and failed.</param>
/// <param name="FilePath">Full path of the job file in <c>processing/</c>.</param>
public sealed record ClaimedJob(string Name, string FilePath, bool Resumed);
