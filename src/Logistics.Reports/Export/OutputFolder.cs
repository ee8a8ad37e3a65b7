using System.Collections.Immutable;

namespace Logistics.Reports.Export;

/// <summary>
/// Where <c>logistics report --out DIR</c> puts a bundle, safely (docs/reports.md, "Where the bundle goes"). Checked
/// before anything is solved: DIR may not be the file-system root, a file, a symbolic link, or a folder that holds
/// one of the inputs; if it exists it must be empty or a bundle this tool wrote and nobody changed (else
/// <c>--force</c>). The bundle is built in a fresh hidden sibling folder and renamed into place; an old DIR is first
/// renamed aside, then only the files its manifest lists (unchanged) are deleted. Anything else is kept, aside.
/// </summary>
public sealed class OutputFolder
{
    private OutputFolder(string target, string temporary)
    {
        Target = target;
        Temporary = temporary;
    }

    /// <summary>The folder the user named, as a full path.</summary>
    public string Target { get; }

    /// <summary>The hidden sibling the bundle is built in.</summary>
    public string Temporary { get; }

    /// <summary>
    /// Checks <paramref name="target"/> and creates the temporary sibling. On refusal, the error says what is wrong
    /// and what to do instead. <paramref name="inputs"/> are the files the report reads (network, overlays, seeds).
    /// </summary>
    public static (OutputFolder? Folder, string? Error) Prepare(string target, IEnumerable<string> inputs, bool force)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        string full;
        try
        {
            full = Path.TrimEndingDirectorySeparator(Path.GetFullPath(target));
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException or PathTooLongException)
        {
            return (null, $"--out '{target}' is not a usable path: {e.Message}");
        }

        if (Path.GetPathRoot(full) is { } root && Path.TrimEndingDirectorySeparator(root) == full || Path.GetFileName(full).Length == 0)
            return (null, $"--out {full} is the root of the file system; give a folder of its own for the bundle, for example --out reports/chagai.");
        var info = new FileInfo(full);
        if (info.LinkTarget is not null)
            return (null, $"--out {full} is a symbolic link; give the folder it points to, or another folder.");
        if (info.Exists)
            return (null, $"--out {full} is a file, not a folder; choose a folder for the bundle (it is created if missing).");

        var realTarget = RealPath(full);
        foreach (var input in inputs)
        {
            var lexical = Path.GetFullPath(input);
            if (IsSameOrInside(lexical, full) || IsSameOrInside(RealPath(lexical), realTarget))
                return (null, $"--out {full} holds an input of this report ({lexical}); the bundle may not replace its own inputs. Choose a folder that holds none, for example a new one next to it.");
        }

        if (Directory.Exists(full))
        {
            ImmutableArray<string> foreign;
            try
            {
                foreign = BundleManifest.ForeignEntries(full);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                return (null, $"--out {full} cannot be read: {e.Message}");
            }

            if (!foreign.IsEmpty && !force)
            {
                var shown = string.Join(", ", foreign.Take(3)) + (foreign.Length > 3 ? $" and {foreign.Length - 3} more" : "");
                return (null, $"--out {full} holds files this tool did not write ({shown}). Choose another --out folder, or add --force to move them aside (nothing is deleted).");
            }

            // --force moves the whole folder aside: never the working folder, the home folder, one above them, or a top-level folder.
            if (!foreign.IsEmpty && IsSharedFolder(full))
                return (null, $"--out {full} is the current folder, the home folder, a folder above them or a top-level folder; even with --force its contents are not moved aside. Give the bundle a folder of its own, for example --out {Path.Combine(full, "report")}.");
        }

        var parent = Path.GetDirectoryName(full)!;
        var temporary = Path.Combine(parent, $".{Path.GetFileName(full)}.tmp-{Guid.NewGuid():N}");
        try
        {
            Directory.CreateDirectory(parent);
            Directory.CreateDirectory(temporary);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return (null, $"--out {full}: cannot write in {parent} ({e.Message}); choose a folder you can write to.");
        }

        return (new OutputFolder(full, temporary), null);
    }

    /// <summary>
    /// Writes the manifest and puts the bundle in place. Returns a sentence for the user when something of the old
    /// folder was kept aside, else null.
    /// </summary>
    public string? Publish()
    {
        BundleManifest.Write(Temporary);
        try
        {
            Directory.Move(Temporary, Target);
            return null;
        }
        catch (IOException) when (Directory.Exists(Target) || File.Exists(Target))
        {
            // DIR exists (it did at the check, or appeared since): swap.
        }

        var aside = AsideName();
        Directory.Move(Target, aside);
        try
        {
            Directory.Move(Temporary, Target);
        }
        catch
        {
            Directory.Move(aside, Target);
            throw;
        }

        var left = BundleManifest.RemoveBundle(aside);
        return left.IsEmpty
            ? null
            : $"What was in {Target} and not written by this tool ({left.Length} entr{(left.Length == 1 ? "y" : "ies")}) was moved to {aside}; nothing was deleted.";
    }

    /// <summary>Removes the temporary folder (after a failure or cancellation); it holds only what this run wrote.</summary>
    public void Abandon()
    {
        try
        {
            if (Directory.Exists(Temporary))
                Directory.Delete(Temporary, recursive: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A hidden temporary folder left behind does no harm.
        }
    }

    private string AsideName()
    {
        for (var n = 1; ; n++)
        {
            var candidate = $"{Target}.old{(n == 1 ? "" : "-" + n.ToString(System.Globalization.CultureInfo.InvariantCulture))}";
            if (!Directory.Exists(candidate) && !File.Exists(candidate) && new FileInfo(candidate).LinkTarget is null)
                return candidate;
        }
    }

    private static bool IsSharedFolder(string full)
    {
        var home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        var current = Directory.GetCurrentDirectory();
        return Path.GetDirectoryName(full) is { } parent && Path.GetDirectoryName(parent) is null
            || IsSameOrInside(current, full) || IsSameOrInside(RealPath(current), RealPath(full))
            || (home.Length > 0 && IsSameOrInside(Path.TrimEndingDirectorySeparator(home), full));
    }

    private static bool IsSameOrInside(string path, string folder) =>
        path == folder || path.StartsWith(folder + Path.DirectorySeparatorChar, StringComparison.Ordinal);

    /// <summary>The path with every symbolic link along it resolved (a missing tail is kept as written).</summary>
    private static string RealPath(string fullPath)
    {
        var existing = fullPath;
        var tail = new Stack<string>();
        while (!Directory.Exists(existing) && !File.Exists(existing) && Path.GetDirectoryName(existing) is { } up)
        {
            tail.Push(Path.GetFileName(existing));
            existing = up;
        }

        string resolved;
        try
        {
            resolved = Resolve(existing);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            resolved = existing;
        }

        while (tail.Count > 0)
            resolved = Path.Combine(resolved, tail.Pop());
        return resolved;
    }

    private static string Resolve(string existing)
    {
        var parent = Path.GetDirectoryName(existing);
        var head = parent is null ? existing : Path.Combine(Resolve(parent), Path.GetFileName(existing));
        var info = new FileInfo(head);
        if (info.LinkTarget is null)
            return head;
        var final = info.ResolveLinkTarget(returnFinalTarget: true);
        return final is null ? head : Resolve(Path.GetFullPath(final.FullName));
    }
}
