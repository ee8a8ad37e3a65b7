namespace Logistics.Worker;

/// <summary>Work waiting: dirty networks, jobs in the inbox, and claimed items waiting for a free slot.</summary>
public sealed record QueueStatus(int NetworksPending, int JobsInInbox, int WaitingForSlot);
