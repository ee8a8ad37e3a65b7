using System.Runtime.InteropServices;
using System.Text;

namespace Logistics.Worker;

/// <summary>
/// POSIX rename(2), which replaces a symbolic link atomically. File.Move cannot: it follows the link, sees a
/// directory and refuses, and Directory.Move refuses an existing target.
/// </summary>
internal static class NativeMethods
{
    /// <summary>Renames <paramref name="source"/> over <paramref name="destination"/> (links are not followed).</summary>
    public static void Rename(string source, string destination)
    {
        if (OperatingSystem.IsWindows())
        {
            throw new PlatformNotSupportedException("symbolic link swap needs POSIX rename");
        }

        if (rename(Utf8z(source), Utf8z(destination)) != 0)
        {
            throw new IOException($"rename {source} -> {destination} failed (errno {Marshal.GetLastPInvokeError()})");
        }
    }

    private static byte[] Utf8z(string path) => Encoding.UTF8.GetBytes(path + "\0");

    [DllImport("libc", SetLastError = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
#pragma warning disable SYSLIB1054, CA1401 // LibraryImport would need unsafe code; a null-terminated byte[] needs no marshalling.
    private static extern int rename(byte[] oldpath, byte[] newpath);
#pragma warning restore SYSLIB1054, CA1401
}
