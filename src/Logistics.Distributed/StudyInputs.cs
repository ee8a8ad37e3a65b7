using System.Collections.Immutable;

using Logistics.Network.Loading;

namespace Logistics.Distributed;

/// <summary>
/// The files a study reads, carried in PostgreSQL so that worker machines need no shared folder: the network file,
/// its overlays and its seeds, as <see cref="NetworkSource"/> read them. A worker writes them under a folder named by
/// the content hash, keeping their relative layout, and reads them from there.
/// </summary>
public static class StudyInputs
{
    /// <summary>The files <paramref name="source"/> read, relative to the network file's folder.</summary>
    public static ImmutableArray<StudyInputFile> Collect(NetworkSource source)
    {
        ArgumentNullException.ThrowIfNull(source);
        var folder = Path.GetDirectoryName(Path.GetFullPath(source.FilePath)) ?? ".";
        return [.. source.InputFiles.Select(f => new StudyInputFile(
            Path.GetRelativePath(folder, Path.GetFullPath(f)).Replace('\\', '/'), File.ReadAllBytes(f)))];
    }

    /// <summary>
    /// Writes the files under <paramref name="root"/> (once per content hash; a half-written folder from a killed
    /// worker is replaced) and returns the network file's path there. Files above the network's folder ("../seeds")
    /// land inside the root too: the network folder is nested as deep as the deepest "..".
    /// </summary>
    public static string Materialise(string root, string contentHash, string networkFile, IReadOnlyList<StudyInputFile> files)
    {
        ArgumentNullException.ThrowIfNull(files);
        var depth = files.Max(f => f.RelativePath.Split('/').TakeWhile(p => p == "..").Count());
        var target = Path.Combine(root, contentHash);
        var networkFolder = Path.Combine([target, .. Enumerable.Repeat("n", depth + 1)]);
        var networkPath = Path.Combine(networkFolder, networkFile);
        if (File.Exists(Path.Combine(target, ".complete")))
            return networkPath;

        var temporary = target + "." + Environment.ProcessId + "." + Guid.NewGuid().ToString("N") + ".tmp";
        var temporaryNetworkFolder = Path.Combine([temporary, .. Enumerable.Repeat("n", depth + 1)]);
        foreach (var file in files)
        {
            var path = Path.GetFullPath(Path.Combine(temporaryNetworkFolder, file.RelativePath));
            if (!path.StartsWith(Path.GetFullPath(temporary) + Path.DirectorySeparatorChar, StringComparison.Ordinal))
                throw new InvalidDataException($"Stored input '{file.RelativePath}' would be written outside the study's folder.");
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllBytes(path, file.Content);
        }

        File.WriteAllText(Path.Combine(temporary, ".complete"), contentHash);
        try
        {
            if (Directory.Exists(target) && !File.Exists(Path.Combine(target, ".complete")))
                Directory.Delete(target, recursive: true);
            Directory.Move(temporary, target);
        }
        catch (IOException) when (File.Exists(Path.Combine(target, ".complete")))
        {
            // Another worker process on this machine wrote the same files first.
            Directory.Delete(temporary, recursive: true);
        }

        return networkPath;
    }
}
