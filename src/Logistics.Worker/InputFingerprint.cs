using System.Collections.Immutable;

using Logistics.Network.Diagnostics;
using Logistics.Network.IO;
using Logistics.Network.Loading;

namespace Logistics.Worker;

/// <summary>
/// The SHA-256 of everything a report of one network depends on: the network layer's <see cref="InputSet"/> (the
/// network file, the overlay files it names, every <c>*.json</c> of its seeds folder), so it is the very hash the
/// report itself cites (<c>report.md</c> and <c>worker-outcome.json</c> agree). A file that does not parse is hashed
/// alone: the builder reports it.
/// </summary>
/// <param name="Hash">Lower-case hex SHA-256 (<see cref="InputSet.ContentHash"/>).</param>
/// <param name="Files">Full paths of the files hashed (a referenced file that is missing is listed too), sorted.</param>
public sealed record InputFingerprint(string Hash, ImmutableArray<string> Files)
{
    /// <summary>Reads and hashes the network file and the files it references.</summary>
    /// <exception cref="FileNotFoundException">The network file is gone (for example it was just deleted).</exception>
    /// <exception cref="IOException">The network file itself cannot be read (a special file, too large, no permission).</exception>
    public static InputFingerprint Compute(string networkPath)
    {
        string fullPath = Path.GetFullPath(networkPath);
        (InputSet? set, Diagnostic? problem) = InputSet.Read(fullPath);
        if (set is null)
        {
            throw problem!.Code == DiagnosticCodes.FileNotFound.Code
                ? new FileNotFoundException(problem.Message, fullPath)
                : new IOException(problem.Message + " " + problem.Hint);
        }

        return new InputFingerprint(set.ContentHash, [.. set.Files.Select(f => f.FullPath).Order(StringComparer.Ordinal)]);
    }

    /// <summary>Editors on Windows often start UTF-8 files with a byte order mark, which the JSON reader rejects.</summary>
    public static ReadOnlyMemory<byte> WithoutByteOrderMark(byte[] bytes) =>
        bytes.AsSpan().StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]) ? bytes.AsMemory(3) : bytes.AsMemory();
}
