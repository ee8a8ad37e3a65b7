namespace Logistics.Worker;

/// <summary>
/// Tells a full disk (or an exhausted quota) from other I/O failures. A full disk passes: the job waits and tries
/// again with a growing pause instead of failing for good (docs/worker.md, "A full disk").
/// </summary>
public static class DiskFull
{
    // POSIX errno values .NET puts into IOException.HResult on Linux: ENOSPC, EDQUOT.
    private const int Enospc = 28;
    private const int Edquot = 122;

    // Windows: ERROR_HANDLE_DISK_FULL, ERROR_DISK_FULL (as HRESULTs 0x80070027 and 0x80070070).
    private const int ErrorHandleDiskFull = 0x27;
    private const int ErrorDiskFull = 0x70;

    /// <summary>True when <paramref name="exception"/> (or one it wraps) says the disk or the quota is full.</summary>
    public static bool Is(Exception? exception)
    {
        for (Exception? e = exception; e is not null; e = e.InnerException)
        {
            if (e is AggregateException aggregate && aggregate.InnerExceptions.Any(Is))
            {
                return true;
            }

            if (e is IOException io && IsFullCode(io.HResult))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The pause before attempt <paramref name="attempt"/> (1-based): doubling from <paramref name="first"/>, never above <paramref name="cap"/>.</summary>
    public static TimeSpan Pause(int attempt, TimeSpan first, TimeSpan cap)
    {
        double factor = Math.Pow(2, Math.Min(Math.Max(attempt - 1, 0), 30));
        return TimeSpan.FromTicks((long)Math.Min(first.Ticks * factor, cap.Ticks));
    }

    private static bool IsFullCode(int hresult) =>
        OperatingSystem.IsWindows()
            ? (hresult & 0xFFFF) is ErrorHandleDiskFull or ErrorDiskFull && (hresult >> 16 & 0x1FFF) == 7
            : hresult is Enospc or Edquot;
}
