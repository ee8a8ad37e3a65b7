namespace Logistics.Worker;

/// <summary>
/// Which report keys already have a bundle. Derived from the folder names on disk every time, so it survives
/// restarts and crashes and can never disagree with what a reader sees.
/// </summary>
public static class ReportLedger
{
    /// <summary>The newest bundle folder of <paramref name="seriesDirectory"/> filed under <paramref name="hash"/>, or null.</summary>
    public static string? FindBundle(string seriesDirectory, string hash)
    {
        if (!Directory.Exists(seriesDirectory))
        {
            return null;
        }

        string suffix = "-" + BundleFolderName.ShortHash(hash);
        string? newest = null;
        foreach (string directory in Directory.EnumerateDirectories(seriesDirectory))
        {
            string name = Path.GetFileName(directory);
            if (BundleFolderName.IsBundleName(name)
                && name.EndsWith(suffix, StringComparison.Ordinal)
                && (newest is null || string.CompareOrdinal(name, Path.GetFileName(newest)) > 0))
            {
                newest = directory;
            }
        }

        return newest;
    }

    /// <summary>Every bundle folder of a series, oldest first.</summary>
    public static IReadOnlyList<string> Bundles(string seriesDirectory) =>
        !Directory.Exists(seriesDirectory)
            ? []
            : [.. Directory.EnumerateDirectories(seriesDirectory)
                .Where(d => BundleFolderName.IsBundleName(Path.GetFileName(d)))
                .Order(StringComparer.Ordinal)];
}
