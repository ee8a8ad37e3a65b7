using System.Security.Cryptography;

namespace Logistics.Network.IO;

/// <summary>One file of an input set (<c>Loading.InputSet</c>).</summary>
/// <param name="Key">The path relative to the network file's folder, with '/' separators (the network file: its name).</param>
/// <param name="FullPath">The full path.</param>
/// <param name="Sha256">Lower-case hex SHA-256 of its bytes; null when the file is missing or cannot be read.</param>
/// <param name="Length">Its length in bytes (0 when absent).</param>
public sealed record InputFileDigest(string Key, string FullPath, string? Sha256, long Length)
{
    public bool Present => Sha256 is not null;

    /// <summary>The digest of a file read (bytes null when it is absent or unreadable), keyed by its name until an input set (<c>Loading.InputSet</c>) places it.</summary>
    public static InputFileDigest Of(string fullPath, byte[]? bytes) =>
        new(Path.GetFileName(fullPath), fullPath, bytes is null ? null : Convert.ToHexStringLower(SHA256.HashData(bytes)), bytes?.LongLength ?? 0);
}
