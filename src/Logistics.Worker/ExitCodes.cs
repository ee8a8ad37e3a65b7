namespace Logistics.Worker;

/// <summary>The worker's exit codes (documented in docs/worker.md and relied on by the systemd unit).</summary>
public static class ExitCodes
{
    /// <summary>Stopped normally (Ctrl+C, SIGTERM, systemctl stop).</summary>
    public const int Stopped = 0;

    /// <summary>A setting is invalid; the message names it. Restarting does not help.</summary>
    public const int InvalidSettings = 2;

    /// <summary>The reports or job folders cannot be created or written.</summary>
    public const int FoldersUnusable = 3;
}
