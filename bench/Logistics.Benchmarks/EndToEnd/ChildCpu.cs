using System.Runtime.InteropServices;

namespace Logistics.Benchmarks.EndToEnd;

/// <summary>
/// The CPU time (user + system) of this process's finished children, from <c>getrusage(RUSAGE_CHILDREN)</c> on Linux:
/// read before and after one child runs, the difference is that child's CPU (with its own children's, such as the
/// <c>cbc</c> that PuLP starts). On a shared machine CPU time moves less than wall time. Zero where unavailable.
/// </summary>
internal static class ChildCpu
{
    private const int RusageChildren = -1;

    public static TimeSpan Total()
    {
        // struct rusage on 64-bit Linux: user and system timevals (seconds, microseconds), then fourteen longs.
        var usage = new long[18];
        if (!OperatingSystem.IsLinux() || getrusage(RusageChildren, usage) != 0)
            return TimeSpan.Zero;
        return TimeSpan.FromSeconds(usage[0] + usage[2]) + TimeSpan.FromMicroseconds(usage[1] + usage[3]);
    }

#pragma warning disable SYSLIB1054, CA5392 // LibraryImport would need unsafe code for one call; a long[] needs no marshalling; libc by name as in InputFileReader.
    [DllImport("libc", SetLastError = true)]
    private static extern int getrusage(int who, long[] usage);
#pragma warning restore SYSLIB1054, CA5392
}
