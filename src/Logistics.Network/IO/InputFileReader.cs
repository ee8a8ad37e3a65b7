using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;

using Logistics.Network.Diagnostics;
using Logistics.Network.IO.Format;

using Microsoft.Win32.SafeHandles;

namespace Logistics.Network.IO;

/// <summary>
/// The one way every input file is read (network, overlays, seeds, worker job files): it must be a regular file
/// (a symbolic link to one is fine), it is opened without blocking, and at most <see cref="MaxBytes"/> are read.
/// A FIFO would block forever and <c>/dev/zero</c> never ends; both are refused by their type, from the opened
/// handle, so a file swapped after a check cannot slip through. Nothing here throws for a user's mistake.
/// </summary>
public static class InputFileReader
{
    /// <summary>The size limit of every input file.</summary>
    public const long MaxBytes = FormatTable.MaxFileBytes;

    /// <summary>Reads <paramref name="path"/>; <paramref name="displayPath"/> is how the file is named in the diagnostic.</summary>
    public static InputFileRead Read(string path, string? displayPath = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        var display = displayPath ?? path;
        if (path.Length == 0)
            return Fail(path, DiagnosticCodes.FileNotFound.InFile(display, "The file name is empty."));
        if (path.Contains('\0', StringComparison.Ordinal))
        {
            return Fail(path, DiagnosticCodes.Unreadable.InFile(Printable(display), $"The path '{Printable(display)}' contains a NUL character, which no file name can hold.",
                "Check how the path was written (a NUL often comes from a script joining names)."));
        }

        try
        {
            if (Directory.Exists(path)) return Fail(path, DiagnosticCodes.IsDirectory.InFile(display, $"'{display}' is a directory, not a file."));
            using var handle = Open(path, display, out var problem);
            if (handle is null) return Fail(path, problem!);
            return ReadLimited(path, display, handle);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            return Fail(path, DiagnosticCodes.Unreadable.InFile(display, $"Cannot read '{display}': {ex.Message}"));
        }
    }

    /// <summary>
    /// True when <paramref name="path"/> names an existing FIFO, device or socket: hosts write outputs to those
    /// directly (<c>--json /dev/stdout</c>) instead of replacing them with a regular file.
    /// </summary>
    public static bool IsSpecialFile(string path)
    {
        if (!Posix.IsSupported || !File.Exists(path)) return false;
        using var handle = Posix.OpenNonBlocking(path, out _);
        return handle is not null && Posix.FileType(handle) is not (Posix.Regular or Posix.Directory);
    }

    private static InputFileRead Fail(string path, Diagnostic problem) => new(path, null, problem);

    /// <summary>Control characters shown as \uXXXX, so a name never prints a NUL or an escape sequence raw.</summary>
    private static string Printable(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (char.IsControl(c)) builder.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:x4}");
            else builder.Append(c);
        }

        return builder.ToString();
    }

    private static InputFileRead ReadLimited(string path, string display, SafeFileHandle handle)
    {
        using var stream = new FileStream(handle, FileAccess.Read, bufferSize: 0);
        var hint = stream.CanSeek ? Math.Min(stream.Length, MaxBytes) : 64 * 1024;
        var buffer = new byte[(int)hint + 1];
        var total = 0;
        while (true)
        {
            if (total == buffer.Length)
            {
                if (total > MaxBytes) break;
                Array.Resize(ref buffer, (int)Math.Min(MaxBytes + 1, (long)buffer.Length * 2));
            }

            var read = stream.Read(buffer, total, buffer.Length - total);
            if (read == 0) break;
            total += read;
        }

        if (total > MaxBytes)
        {
            var size = stream.CanSeek ? stream.Length : total;
            return Fail(path, DiagnosticCodes.FileTooLarge.InFile(display,
                string.Create(CultureInfo.InvariantCulture, $"'{display}' is {(size > MaxBytes ? "" : "over ")}{Math.Max(size, total) / (1024.0 * 1024.0):F1} MiB; the limit is {MaxBytes / (1024 * 1024)} MiB.")));
        }

        Array.Resize(ref buffer, total);
        return new InputFileRead(path, buffer, null);
    }

    /// <summary>Opens for reading without blocking and checks the opened file's type; null (and why) when it cannot be used.</summary>
    private static SafeFileHandle? Open(string path, string display, out Diagnostic? problem)
    {
        problem = null;
        if (!Posix.IsSupported)
        {
            // Elsewhere a FIFO cannot be opened without blocking; stat first, then the size limit still bounds what is read.
            if (!File.Exists(path))
            {
                problem = DiagnosticCodes.FileNotFound.InFile(display, $"File '{display}' does not exist.");
                return null;
            }

            return File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        }

        var handle = Posix.OpenNonBlocking(path, out var errno);
        if (handle is null)
        {
            problem = errno switch
            {
                Posix.ENOENT or Posix.ENOTDIR => DiagnosticCodes.FileNotFound.InFile(display, $"File '{display}' does not exist."),
                Posix.EACCES or Posix.EPERM => DiagnosticCodes.Unreadable.InFile(display, $"Cannot read '{display}': permission denied.",
                    "Give the user running logistics read permission on the file (and search permission on its folders)."),
                _ => DiagnosticCodes.Unreadable.InFile(display, $"Cannot read '{display}': {Marshal.GetPInvokeErrorMessage(errno)}."),
            };
            return null;
        }

        var kind = Posix.FileType(handle);
        if (kind == Posix.Regular) return handle;
        handle.Dispose();
        problem = kind == Posix.Directory
            ? DiagnosticCodes.IsDirectory.InFile(display, $"'{display}' is a directory, not a file.")
            : DiagnosticCodes.NotRegularFile.InFile(display, $"'{display}' is {Posix.Describe(kind)}, not a regular file; logistics reads only regular files.");
        return null;
    }

    /// <summary>
    /// Linux open(2) with O_NONBLOCK and statx(2) on the opened descriptor. statx's layout is the same on every
    /// Linux architecture; the open flags below are those of x64 and arm64, the only ones enabled.
    /// </summary>
    private static class Posix
    {
        public const int EPERM = 1;
        public const int ENOENT = 2;
        public const int EACCES = 13;
        public const int ENOTDIR = 20;

        public const int Regular = 0x8000;
        public const int Directory = 0x4000;

        private const int ORdOnly = 0;
        private const int ONoCtty = 0x100;
        private const int ONonBlock = 0x800;
        private const int OCloExec = 0x80000;
        private const int AtEmptyPath = 0x1000;
        private const uint StatxType = 0x1;
        private const int TypeMask = 0xF000;

        public static bool IsSupported { get; } = OperatingSystem.IsLinux()
            && RuntimeInformation.ProcessArchitecture is Architecture.X64 or Architecture.Arm64;

        public static SafeFileHandle? OpenNonBlocking(string path, out int errno)
        {
            var fd = open(Encoding.UTF8.GetBytes(path + "\0"), ORdOnly | ONonBlock | OCloExec | ONoCtty);
            errno = fd < 0 ? Marshal.GetLastPInvokeError() : 0;
            return fd < 0 ? null : new SafeFileHandle(fd, ownsHandle: true);
        }

        /// <summary>The S_IFMT bits of the opened file (statx: stx_mode is the 16-bit field at byte 28).</summary>
        public static int FileType(SafeFileHandle handle)
        {
            var buffer = new byte[256];
            var added = false;
            handle.DangerousAddRef(ref added);
            try
            {
                if (statx((int)handle.DangerousGetHandle(), [0], AtEmptyPath, StatxType, buffer) != 0)
                    throw new IOException($"statx failed: {Marshal.GetPInvokeErrorMessage(Marshal.GetLastPInvokeError())}");
            }
            finally
            {
                if (added) handle.DangerousRelease();
            }

            return BitConverter.ToUInt16(buffer, 28) & TypeMask;
        }

        public static string Describe(int kind) => kind switch
        {
            0x1000 => "a named pipe (FIFO)",
            0x2000 => "a character device",
            0x6000 => "a block device",
            0xC000 => "a socket",
            _ => "a special file",
        };

#pragma warning disable SYSLIB1054, CA1401, CA5392 // LibraryImport would need unsafe code; null-terminated byte[] paths need no marshalling.
        [DllImport("libc", SetLastError = true)]
        private static extern int open(byte[] path, int flags);

        [DllImport("libc", SetLastError = true)]
        private static extern int statx(int dirfd, byte[] path, int flags, uint mask, byte[] buffer);
#pragma warning restore SYSLIB1054, CA1401, CA5392
    }
}
