using System.Globalization;

namespace Logistics.Analysis;

/// <summary>How every analysis writes money: millions of USD with one decimal, or whole USD with thousands separators (invariant culture).</summary>
public static class MoneyFormat
{
    /// <summary>E.g. <c>211.8</c> for 211,824,742 (the unit, M USD, goes in the column header or after the number).</summary>
    public static string Millions(double usd) => (usd / 1e6).ToString("#,0.0", CultureInfo.InvariantCulture);

    /// <summary>E.g. <c>211.8 M USD</c>.</summary>
    public static string MillionsWithUnit(double usd) => Millions(usd) + " M USD";

    /// <summary>E.g. <c>211,824,742</c>.</summary>
    public static string Usd(double usd) => usd.ToString("#,0", CultureInfo.InvariantCulture);

    /// <summary>Tonnes with thousands separators, e.g. <c>900,000</c>.</summary>
    public static string Tonnes(double tonnes) => tonnes.ToString("#,0", CultureInfo.InvariantCulture);
}
