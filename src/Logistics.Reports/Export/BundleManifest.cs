using System.Collections.Immutable;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Logistics.Reports.Export;

/// <summary>
/// <c>bundle-manifest.json</c>: every file of a bundle with its SHA-256, written last into the bundle. It is how the
/// tool knows, next time, which files in an output folder it wrote and has not been changed since, so replacing a
/// bundle never deletes anything else (a planner's notes, an edited report, an input that ended up there).
/// </summary>
public static class BundleManifest
{
    public const string FileName = "bundle-manifest.json";

    private const string Kind = "logistics-report-bundle";

    /// <summary>Lists every file under <paramref name="folder"/> (the bundle, complete) in the manifest.</summary>
    public static void Write(string folder)
    {
        var files = new JsonArray();
        foreach (var file in Files(folder).Where(f => f != FileName))
            files.Add(new JsonObject { ["path"] = file, ["sha256"] = Sha256(Path.Combine(folder, file)) });
        var manifest = new JsonObject { ["kind"] = Kind, ["files"] = files };
        File.WriteAllText(Path.Combine(folder, FileName), manifest.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n", new UTF8Encoding(false));
    }

    /// <summary>
    /// The entries of <paramref name="folder"/> the tool did not write: everything when there is no readable manifest,
    /// else files the manifest does not list or whose content changed, and anything that is not a plain file or folder.
    /// Empty for an empty folder or an untouched bundle.
    /// </summary>
    public static ImmutableArray<string> ForeignEntries(string folder)
    {
        var listed = Listed(folder);
        var foreign = new List<string>();
        foreach (var entry in Entries(folder))
        {
            var full = Path.Combine(folder, entry.Path);
            if (entry.IsDirectory)
                continue;
            var ours = entry.Path == FileName ? listed is not null : listed is not null && listed.TryGetValue(entry.Path, out var hash) && entry.IsFile && Sha256(full) == hash;
            if (!ours)
                foreign.Add(entry.Path);
        }

        return [.. foreign];
    }

    /// <summary>
    /// Deletes the files of an old bundle the manifest lists and that are unchanged, then the manifest and the folders
    /// left empty. Whatever else is there stays. Returns what is left (empty when the folder itself is gone).
    /// </summary>
    public static ImmutableArray<string> RemoveBundle(string folder)
    {
        var listed = Listed(folder);
        if (listed is not null)
        {
            foreach (var entry in Entries(folder).Where(e => e.IsFile && e.Path != FileName))
            {
                var full = Path.Combine(folder, entry.Path);
                if (listed.TryGetValue(entry.Path, out var hash) && Sha256(full) == hash)
                    File.Delete(full);
            }

            // Only folders the bundle itself has (charts/), and only once empty.
            var bundleFolders = listed.Keys.SelectMany(Parents).ToHashSet(StringComparer.Ordinal);
            foreach (var entry in Entries(folder).Where(e => e.IsDirectory && bundleFolders.Contains(e.Path)).OrderByDescending(e => e.Path.Length))
            {
                var full = Path.Combine(folder, entry.Path);
                if (!Directory.EnumerateFileSystemEntries(full).Any())
                    Directory.Delete(full);
            }

            File.Delete(Path.Combine(folder, FileName));
        }

        var left = Entries(folder).Select(e => e.Path).ToImmutableArray();
        if (left.IsEmpty)
            Directory.Delete(folder);
        return left;
    }

    private static IEnumerable<string> Parents(string path)
    {
        for (var slash = path.LastIndexOf('/'); slash > 0; slash = path.LastIndexOf('/', slash - 1))
            yield return path[..slash];
    }

    private static Dictionary<string, string>? Listed(string folder)
    {
        var path = Path.Combine(folder, FileName);
        try
        {
            var info = new FileInfo(path);
            if (!info.Exists || info.LinkTarget is not null || info.Length > 16 * 1024 * 1024)
                return null;
            var root = JsonNode.Parse(File.ReadAllText(path));
            if (root?["kind"]?.GetValue<string>() != Kind || root["files"] is not JsonArray files)
                return null;
            var listed = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var file in files.OfType<JsonObject>())
            {
                if (file["path"]?.GetValue<string>() is { } p && file["sha256"]?.GetValue<string>() is { } h && IsPlainRelative(p))
                    listed[p] = h;
            }

            return listed;
        }
        catch (Exception e) when (e is JsonException or IOException or InvalidOperationException or UnauthorizedAccessException or FormatException)
        {
            return null;
        }
    }

    /// <summary>A manifest path may not climb out of its folder (it is read back from disk, where anyone may edit it).</summary>
    private static bool IsPlainRelative(string path) =>
        path.Length > 0 && !path.StartsWith('/') && !path.Contains('\\', StringComparison.Ordinal) && !path.Split('/').Any(s => s is "" or "." or "..");

    private static IEnumerable<string> Files(string folder) => Entries(folder).Where(e => e.IsFile).Select(e => e.Path);

    /// <summary>Every entry under a folder, '/'-separated and sorted; symbolic links are entries of their own, never followed.</summary>
    private static List<(string Path, bool IsFile, bool IsDirectory)> Entries(string folder)
    {
        var entries = new List<(string, bool, bool)>();
        var pending = new Stack<string>();
        pending.Push(folder);
        while (pending.Count > 0)
        {
            var directory = pending.Pop();
            foreach (var entry in Directory.EnumerateFileSystemEntries(directory))
            {
                var info = new FileInfo(entry);
                var isLink = info.LinkTarget is not null;
                var isDirectory = !isLink && Directory.Exists(entry);
                var isFile = !isLink && !isDirectory && (info.Attributes & (FileAttributes.Device | FileAttributes.ReparsePoint)) == 0;
                entries.Add((Path.GetRelativePath(folder, entry).Replace('\\', '/'), isFile, isDirectory));
                if (isDirectory)
                    pending.Push(entry);
            }
        }

        entries.Sort((a, b) => string.CompareOrdinal(a.Item1, b.Item1));
        return entries;
    }

    private static string Sha256(string path)
    {
        using var stream = File.OpenRead(path);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }
}
