using System.Buffers.Binary;
using System.Collections.Immutable;
using System.Security.Cryptography;
using System.Text;

using Logistics.Network.Diagnostics;
using Logistics.Network.IO;

namespace Logistics.Network.Loading;

/// <summary>
/// Everything a result of one network depends on: the network file, the overlay files its scenarios name, and every
/// <c>*.json</c> of its seeds folder, each with its bytes' hash, and one content hash over them all. The loader
/// (<see cref="NetworkSource.ContentHash"/>, cited by reports) and the worker (its report keys) both take it from here,
/// so the same files always give the same SHA-256. Keys are relative to the network file, so moving the whole tree
/// keeps the hash; a referenced file that is missing counts too (its appearing later is a change).
/// </summary>
public sealed class InputSet
{
    private InputSet(InputFileDigest network, ImmutableArray<InputFileDigest> files)
    {
        Network = network;
        Files = files;
        ContentHash = Hash(files);
    }

    /// <summary>The network file.</summary>
    public InputFileDigest Network { get; }

    /// <summary>The network file first, then every referenced file in ordinal key order (each once).</summary>
    public ImmutableArray<InputFileDigest> Files { get; }

    /// <summary>Lower-case hex SHA-256 over every file's key, presence, length and hash, in <see cref="Files"/> order.</summary>
    public string ContentHash { get; }

    /// <summary>The set of a network file's bytes and the files it references (their keys are made relative to the network file here).</summary>
    public static InputSet Create(string networkPath, byte[] networkBytes, IEnumerable<InputFileDigest> referenced)
    {
        ArgumentNullException.ThrowIfNull(referenced);
        var fullPath = Path.GetFullPath(networkPath);
        var directory = Path.GetDirectoryName(fullPath) ?? ".";
        var network = InputFileDigest.Of(fullPath, networkBytes);
        var others = new SortedDictionary<string, InputFileDigest>(StringComparer.Ordinal);
        foreach (var digest in referenced)
        {
            var full = Path.GetFullPath(digest.FullPath);
            if (full == fullPath) continue;
            var key = Path.GetRelativePath(directory, full).Replace('\\', '/');
            others.TryAdd(key, digest with { Key = key, FullPath = full });
        }

        return new InputSet(network, [network, .. others.Values]);
    }

    /// <summary>
    /// Reads a network file and the files it references, as the loader does. A network file that does not parse is
    /// the set alone (its report lists the errors); one that cannot be read at all gives the diagnostic instead.
    /// </summary>
    public static (InputSet? Set, Diagnostic? Problem) Read(string networkPath)
    {
        var read = InputFileReader.Read(networkPath, networkPath);
        if (read.Bytes is not { } bytes) return (null, read.Problem);
        var (file, problem) = FileInput.Parse(networkPath, networkPath, bytes);
        if (problem is not null) return (Create(networkPath, bytes, []), null);
        return (NetworkSource.FromParsed(file!, networkPath).Source!.Inputs, null);
    }

    // Name, a presence flag, the length and the file's hash frame each entry, so no two different sets hash the same stream.
    private static string Hash(ImmutableArray<InputFileDigest> files)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        Span<byte> header = stackalloc byte[13];
        foreach (var file in files)
        {
            var name = Encoding.UTF8.GetBytes(file.Key);
            BinaryPrimitives.WriteInt32LittleEndian(header, name.Length);
            header[4] = file.Present ? (byte)1 : (byte)0;
            BinaryPrimitives.WriteInt64LittleEndian(header[5..], file.Length);
            sha.AppendData(header[..4]);
            sha.AppendData(name);
            sha.AppendData(header[4..]);
            if (file.Sha256 is { } digest) sha.AppendData(Convert.FromHexString(digest));
        }

        return Convert.ToHexStringLower(sha.GetHashAndReset());
    }
}
