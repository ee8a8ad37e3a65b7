using System.Globalization;
using System.Text.RegularExpressions;

namespace Logistics.Worker;

/// <summary>Names of bundle folders: <c>&lt;yyyyMMddTHHmmssZ&gt;-&lt;first 12 hex of the report key&gt;</c>; they sort by time.</summary>
public static partial class BundleFolderName
{
    public const int HashLength = 12;

    /// <summary>Prefix of folders being written; never matches a bundle name, so readers and the ledger ignore them.</summary>
    public const string TemporaryPrefix = ".tmp-";

    public static string Format(DateTimeOffset time, string hash)
    {
        ArgumentNullException.ThrowIfNull(hash);
        return time.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture) + "-" + ShortHash(hash);
    }

    public static string ShortHash(string hash)
    {
        ArgumentNullException.ThrowIfNull(hash);
        return hash.Length <= HashLength ? hash : hash[..HashLength];
    }

    public static bool IsBundleName(string name) => Pattern().IsMatch(name);

    /// <summary>
    /// Whether a network's name or a job's output can name a series folder: letters, digits, '.', '_' and '-', at most
    /// 100, not starting with '.' (so never "." or ".."), and not "latest" or a bundle name. A network file called
    /// <c>...network.json</c> is named ".." and is refused here, before any path is made from it.
    /// </summary>
    public static bool IsSeriesName(string name) =>
        name is not null && SeriesPattern().IsMatch(name) && name != "latest" && !IsBundleName(name);

    [GeneratedRegex("^[0-9]{8}T[0-9]{6}Z-[0-9a-f]{12}$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();

    [GeneratedRegex("^[A-Za-z0-9_-][A-Za-z0-9._-]{0,99}$", RegexOptions.CultureInvariant)]
    private static partial Regex SeriesPattern();
}
