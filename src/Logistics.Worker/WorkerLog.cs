using Microsoft.Extensions.Logging;

namespace Logistics.Worker;

/// <summary>
/// Every step the worker takes, with a stable event id (source-generated, so logging costs nothing when off).
/// Ids: 1xxx host and scanning, 2xxx inputs, 3xxx builds and bundles, 4xxx jobs, 5xxx status.
/// </summary>
internal static partial class WorkerLog
{
    [LoggerMessage(1000, LogLevel.Information, "Worker started: watching {NetworksRoot}, writing {ReportsRoot}, jobs in {InboxRoot}, {MaxConcurrentJobs} at once")]
    public static partial void WorkerStarted(ILogger logger, string networksRoot, string reportsRoot, string inboxRoot, int maxConcurrentJobs);

    [LoggerMessage(1001, LogLevel.Information, "Catch-up: {Count} network files queued for a check")]
    public static partial void CatchUp(ILogger logger, int count);

    [LoggerMessage(1002, LogLevel.Information, "Removed {Count} abandoned temporary entries left by an interrupted run")]
    public static partial void TemporaryEntriesRemoved(ILogger logger, int count);

    [LoggerMessage(1003, LogLevel.Warning, "File watcher on {Folder} failed ({Message}); checking every network again")]
    public static partial void WatcherError(ILogger logger, string folder, string message);

    [LoggerMessage(1004, LogLevel.Information, "Stopping: no new work is taken, running builds are interrupted and recorded for resume")]
    public static partial void Stopping(ILogger logger);

    [LoggerMessage(1005, LogLevel.Information, "Worker stopped")]
    public static partial void WorkerStopped(ILogger logger);

    [LoggerMessage(1006, LogLevel.Critical, "Cannot use the reports folder {ReportsRoot} or the job folders under {InboxRoot} ({Message}); check that the worker's user may create and write them. Stopping")]
    public static partial void FoldersUnusable(ILogger logger, string reportsRoot, string inboxRoot, string message);

    [LoggerMessage(1010, LogLevel.Debug, "Changed: {Path}")]
    public static partial void FileChanged(ILogger logger, string path);

    [LoggerMessage(1011, LogLevel.Information, "Stable after debounce: {Path}")]
    public static partial void FileStable(ILogger logger, string path);

    [LoggerMessage(2000, LogLevel.Information, "Inputs of {Network} hashed: {Hash} ({FileCount} files)")]
    public static partial void InputsHashed(ILogger logger, string network, string hash, int fileCount);

    [LoggerMessage(2001, LogLevel.Information, "{Network}: a report for {Hash} already exists at {Bundle}; not solving again")]
    public static partial void ReportAlreadyExists(ILogger logger, string network, string hash, string bundle);

    [LoggerMessage(2002, LogLevel.Information, "{Path} is gone; nothing to report")]
    public static partial void NetworkGone(ILogger logger, string path);

    [LoggerMessage(3000, LogLevel.Information, "Work started: {Kind} {Name} ({Running} running)")]
    public static partial void WorkStarted(ILogger logger, string kind, string name, int running);

    [LoggerMessage(3001, LogLevel.Information, "Work finished: {Kind} {Name}")]
    public static partial void WorkFinished(ILogger logger, string kind, string name);

    [LoggerMessage(3002, LogLevel.Error, "Work failed: {Kind} {Name}: {Error}")]
    public static partial void WorkFailed(ILogger logger, Exception exception, string kind, string name, string error);

    [LoggerMessage(3003, LogLevel.Warning, "Work interrupted by shutdown: {Kind} {Name}; it resumes at the next start")]
    public static partial void WorkInterrupted(ILogger logger, string kind, string name);

    [LoggerMessage(3004, LogLevel.Information, "Report built for {Network}: {Status}, {Summary}")]
    public static partial void BuildFinished(ILogger logger, string network, string status, string summary);

    [LoggerMessage(3005, LogLevel.Warning, "{Kind} {Name}: the disk is full ({Message}); trying again in {Seconds} s")]
    public static partial void DiskFullWaiting(ILogger logger, string kind, string name, string message, double seconds);

    [LoggerMessage(3006, LogLevel.Warning, "Network file {Path} cannot name a reports folder: {Reason}")]
    public static partial void SeriesNameRefused(ILogger logger, string path, string reason);

    [LoggerMessage(4005, LogLevel.Information, "Job {Job} resumed: its report for key {Key} was published before the restart; finishing with it")]
    public static partial void JobResumedWithPublishedKey(ILogger logger, string job, string key);

    [LoggerMessage(3010, LogLevel.Information, "Bundle published: {Bundle}")]
    public static partial void BundlePublished(ILogger logger, string bundle);

    [LoggerMessage(3011, LogLevel.Information, "{Latest} now points at {Bundle} ({How})")]
    public static partial void LatestUpdated(ILogger logger, string latest, string bundle, string how);

    [LoggerMessage(3012, LogLevel.Error, "Could not point {Latest} at {Bundle}: {Message}")]
    public static partial void LatestFailed(ILogger logger, string latest, string bundle, string message);

    [LoggerMessage(4000, LogLevel.Information, "Job claimed: {Job} (inbox -> processing)")]
    public static partial void JobClaimed(ILogger logger, string job);

    [LoggerMessage(4001, LogLevel.Information, "Job resumed after restart: {Job}")]
    public static partial void JobResumed(ILogger logger, string job);

    [LoggerMessage(4002, LogLevel.Warning, "Job refused: {Job}: {Reason}")]
    public static partial void JobRefused(ILogger logger, string job, string reason);

    [LoggerMessage(4003, LogLevel.Information, "Job done: {Job}: {Report}")]
    public static partial void JobDone(ILogger logger, string job, string report);

    [LoggerMessage(4004, LogLevel.Warning, "Job failed: {Job}: {Error}")]
    public static partial void JobFailed(ILogger logger, string job, string error);

    [LoggerMessage(5000, LogLevel.Warning, "Could not write the status file {Path}: {Message}")]
    public static partial void StatusWriteFailed(ILogger logger, string path, string message);
}
