namespace Logistics.Worker;

/// <summary>
/// The worker's exit codes (docs/worker.md, relied on by the systemd units' RestartPreventExitStatus). They are the
/// BSD sysexits values for the same conditions, so none collides with a code of <c>logistics</c> (0 to 7,
/// Logistics.Cli.ExitCodes): a script or a supervisor that runs both can tell a worker's refusal from a CLI result.
/// Never renumber, only add.
/// </summary>
public static class WorkerExitCodes
{
    /// <summary>Stopped normally (Ctrl+C, SIGTERM, systemctl stop).</summary>
    public const int Stopped = 0;

    /// <summary>The reports or job folders cannot be created or written (sysexits EX_CANTCREAT). Restarting does not help until the folder is fixed.</summary>
    public const int FoldersUnusable = 73;

    /// <summary>A setting is invalid; the message names it (sysexits EX_CONFIG). Restarting does not help.</summary>
    public const int InvalidSettings = 78;
}
