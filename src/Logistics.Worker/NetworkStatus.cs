namespace Logistics.Worker;

/// <summary>Last success and last failure of one network.</summary>
public sealed record NetworkStatus(RunResult? LastSuccess, RunResult? LastFailure);
