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

    [GeneratedRegex("^[0-9]{8}T[0-9]{6}Z-[0-9a-f]{12}$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
