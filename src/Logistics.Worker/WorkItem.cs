namespace Logistics.Worker;

/// <summary>One unit of work in the scheduler's channel: a watched network to check, or a claimed job.</summary>
/// <param name="Name">The network's name or the job's name.</param>
/// <param name="Network">The network's name for a watched network; null for a job (known only once its file is read).</param>
/// <param name="NetworkPath">The watched network file; null for a job.</param>
/// <param name="Job">The claimed job; null for a watched network.</param>
public sealed record WorkItem(WorkKind Kind, string Name, string? Network, string? NetworkPath, ClaimedJob? Job)
{
    /// <summary>Unique among running work: a network and a job may share a name.</summary>
    public string Key => Kind.Word() + ":" + Name;

    public static WorkItem ForNetwork(string path) =>
        new(WorkKind.Network, ReportRunner.NetworkName(path), ReportRunner.NetworkName(path), path, null);

    public static WorkItem ForJob(ClaimedJob job)
    {
        ArgumentNullException.ThrowIfNull(job);
        return new(WorkKind.Job, job.Name, null, null, job);
    }
}
