namespace Logistics.Worker;

/// <summary>
/// Turns the network a job names into a file inside the networks root, or says why not. Absolute paths are refused,
/// <c>..</c> may not climb out, and symbolic links are followed component by component so a link that leads out
/// of the root is refused too.
/// </summary>
public static class NetworkPathResolver
{
    private const int MaxLinkHops = 40;

    /// <summary>The real path of the network file, or an error that tells the planner what to write instead.</summary>
    public static (string? Path, string? Error) Resolve(string networksRoot, string? requested)
    {
        ArgumentNullException.ThrowIfNull(networksRoot);
        if (string.IsNullOrWhiteSpace(requested))
        {
            return (null, "the job names no network; set \"network\" to a file in the networks folder, for example \"chagai.network.json\"");
        }

        if (Path.IsPathRooted(requested) || requested.StartsWith('/') || requested.StartsWith('\\'))
        {
            return (null, $"network \"{requested}\" is an absolute path, which jobs may not use; give a path relative to the networks folder");
        }

        string root;
        try
        {
            root = RealPath(Path.GetFullPath(networksRoot));
        }
        catch (IOException e)
        {
            return (null, "the networks folder cannot be resolved: " + e.Message);
        }

        string lexical = Path.GetFullPath(requested, root);
        if (!IsInside(root, lexical))
        {
            return (null, $"network \"{requested}\" resolves outside the networks folder; give a path inside it");
        }

        string real;
        try
        {
            real = RealPath(lexical);
        }
        catch (IOException e)
        {
            return (null, $"network \"{requested}\" cannot be resolved: {e.Message}");
        }

        if (!IsInside(root, real))
        {
            return (null, $"network \"{requested}\" is or passes through a symbolic link that leads outside the networks folder; jobs may only use files inside it");
        }

        if (!real.EndsWith(".network.json", StringComparison.Ordinal))
        {
            return (null, $"network \"{requested}\" is not a network file; name a *.network.json file");
        }

        if (!File.Exists(real))
        {
            return (null, $"network \"{requested}\" does not exist in the networks folder");
        }

        return (real, null);
    }

    private static bool IsInside(string root, string path) =>
        path.StartsWith(Path.TrimEndingDirectorySeparator(root) + Path.DirectorySeparatorChar, StringComparison.Ordinal);

    /// <summary>Resolves every symbolic link along a full path (like POSIX realpath, but a missing tail is allowed).</summary>
    public static string RealPath(string fullPath)
    {
        ArgumentNullException.ThrowIfNull(fullPath);
        string current = Path.GetPathRoot(fullPath)!;
        var remaining = new LinkedList<string>(Segments(fullPath));
        int hops = 0;
        while (remaining.First is { } first)
        {
            string segment = first.Value;
            remaining.RemoveFirst();
            if (segment.Length == 0 || segment == ".")
            {
                continue;
            }

            if (segment == "..")
            {
                current = Path.GetDirectoryName(current) ?? current;
                continue;
            }

            string candidate = Path.Combine(current, segment);
            string? target = new FileInfo(candidate).LinkTarget;
            if (target is null)
            {
                current = candidate;
                continue;
            }

            if (++hops > MaxLinkHops)
            {
                throw new IOException($"too many symbolic links at {candidate}");
            }

            // Re-walk the link's target from its own start, followed by what was left of the path.
            string targetPath = Path.IsPathRooted(target) ? target : Path.Combine(current, target);
            current = Path.GetPathRoot(targetPath)!;
            foreach (string part in Segments(targetPath).Reverse())
            {
                remaining.AddFirst(part);
            }
        }

        return current;
    }

    private static string[] Segments(string path) =>
        path[Path.GetPathRoot(path)!.Length..].Split([Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar], StringSplitOptions.RemoveEmptyEntries);
}
