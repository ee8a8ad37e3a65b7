using System.Buffers.Binary;
using System.Collections.Immutable;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Logistics.Worker;

/// <summary>
/// The SHA-256 of everything a report of one network depends on: the network file, the scenario overlay files it
/// names in <c>"file"</c> entries of <c>scenarios</c>, and every <c>*.json</c> in its seeds folder
/// (<c>metadata.seeds</c>, default <c>../seeds</c>). A file that does not parse is hashed alone: the builder reports it.
/// </summary>
/// <param name="Hash">Lower-case hex SHA-256.</param>
/// <param name="Files">Full paths of the files hashed (a referenced file that is missing is listed too), sorted.</param>
public sealed record InputFingerprint(string Hash, ImmutableArray<string> Files)
{
    private static readonly JsonDocumentOptions LenientJson = new()
    {
        CommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        MaxDepth = 256,
    };

    /// <summary>Reads and hashes the network file and the files it references.</summary>
    /// <exception cref="IOException">The network file itself cannot be read (for example it was just deleted).</exception>
    public static InputFingerprint Compute(string networkPath)
    {
        string fullPath = Path.GetFullPath(networkPath);
        byte[] networkBytes = File.ReadAllBytes(fullPath);
        string directory = Path.GetDirectoryName(fullPath)!;

        // Keys are paths relative to the network file, so moving the whole tree does not change the hash.
        var inputs = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (string referenced in ReferencedFiles(networkBytes, directory))
        {
            inputs[Path.GetRelativePath(directory, referenced).Replace('\\', '/')] = referenced;
        }

        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        AppendEntry(sha, Path.GetFileName(fullPath), networkBytes);
        foreach ((string key, string path) in inputs)
        {
            AppendEntry(sha, key, TryRead(path));
        }

        string hash = Convert.ToHexStringLower(sha.GetHashAndReset());
        ImmutableArray<string> files = [.. inputs.Values.Append(fullPath).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
        return new InputFingerprint(hash, files);
    }

    private static IEnumerable<string> ReferencedFiles(byte[] networkBytes, string directory)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(WithoutByteOrderMark(networkBytes), LenientJson);
        }
        catch (JsonException)
        {
            return [];
        }

        using (document)
        {
            var files = new List<string>();
            JsonElement root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return [];
            }

            if (root.TryGetProperty("scenarios", out JsonElement scenarios) && scenarios.ValueKind == JsonValueKind.Array)
            {
                foreach (JsonElement scenario in scenarios.EnumerateArray())
                {
                    if (scenario.ValueKind == JsonValueKind.Object
                        && scenario.TryGetProperty("file", out JsonElement file)
                        && file.ValueKind == JsonValueKind.String
                        && !string.IsNullOrWhiteSpace(file.GetString()))
                    {
                        files.Add(Path.GetFullPath(file.GetString()!, directory));
                    }
                }
            }

            string seeds = "../seeds";
            if (root.TryGetProperty("metadata", out JsonElement metadata)
                && metadata.ValueKind == JsonValueKind.Object
                && metadata.TryGetProperty("seeds", out JsonElement seedsElement)
                && seedsElement.ValueKind == JsonValueKind.String
                && !string.IsNullOrWhiteSpace(seedsElement.GetString()))
            {
                seeds = seedsElement.GetString()!;
            }

            string seedsFolder = Path.GetFullPath(seeds, directory);
            if (Directory.Exists(seedsFolder))
            {
                files.AddRange(Directory.EnumerateFiles(seedsFolder, "*.json", SearchOption.TopDirectoryOnly));
            }

            return files;
        }
    }

    /// <summary>Editors on Windows often start UTF-8 files with a byte order mark, which the JSON reader rejects.</summary>
    public static ReadOnlyMemory<byte> WithoutByteOrderMark(byte[] bytes) =>
        bytes.AsSpan().StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]) ? bytes.AsMemory(3) : bytes.AsMemory();

    private static byte[]? TryRead(string path)
    {
        try
        {
            return File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    // Name, a presence flag and the length frame each file, so no two different input sets hash the same stream.
    private static void AppendEntry(IncrementalHash sha, string key, byte[]? content)
    {
        byte[] name = Encoding.UTF8.GetBytes(key);
        Span<byte> header = stackalloc byte[13];
        BinaryPrimitives.WriteInt32LittleEndian(header, name.Length);
        header[4] = content is null ? (byte)0 : (byte)1;
        BinaryPrimitives.WriteInt64LittleEndian(header[5..], content?.LongLength ?? 0);
        sha.AppendData(header[..4]);
        sha.AppendData(name);
        sha.AppendData(header[4..]);
        if (content is not null)
        {
            sha.AppendData(content);
        }
    }
}
