using System.Globalization;

namespace Logistics.Presentation;

/// <summary>
/// How every output writes money (console, Markdown, HTML, CSV-adjacent summary lines): "M USD" for millions and
/// "bn USD" for billions, invariant culture, never "-0.0". One place, so no two outputs name the unit differently.
/// </summary>
/// <remarks>
/// The minus sign: every negative figure, in human text and in machine files alike, carries the ASCII hyphen-minus
/// (U+002D), which is what invariant .NET formatting writes. Copied from a report or a terminal into a spreadsheet, a
/// script or a JSON file, the number still parses; a typographic minus (U+2212) would not. U+2212 appears only as the
/// operator in formulas written as prose ("VSS = EEV − RP"), never in front of a number.
/// </remarks>
public static class MoneyFormat
{
    /// <summary>The one minus sign in front of a negative number (see the remarks).</summary>
    public const char Minus = '-';

    /// <summary>The unit of <see cref="Millions"/>, for column headings: "M USD".</summary>
    public const string MillionsUnit = "M USD";

    /// <summary>E.g. <c>211.8</c> for 211,824,742 (the unit, <see cref="MillionsUnit"/>, goes in the column header or after the number).</summary>
    public static string Millions(double usd) => Clean(Math.Round(usd / 1e6, 1)).ToString("#,0.0", CultureInfo.InvariantCulture);

    /// <summary>Signed millions for differences: "+12.3", "-4.0", and "0.0" for anything that rounds to zero.</summary>
    public static string SignedMillions(double usd)
    {
        double m = Math.Round(usd / 1e6, 1);
        return m > 0 ? "+" + Millions(usd) : Millions(usd);
    }

    /// <summary>An amount with its unit: "1.33 bn USD" from a billion, "211.8 M USD" from a million, else "45,000 USD".</summary>
    public static string WithUnit(double usd)
    {
        var magnitude = Math.Abs(usd);
        if (magnitude >= 1e9) return Clean(Math.Round(usd / 1e9, 2)).ToString("#,0.00", CultureInfo.InvariantCulture) + " bn USD";
        if (magnitude >= 1e6) return Millions(usd) + " " + MillionsUnit;
        return Usd(usd) + " USD";
    }

    /// <summary>A yearly amount, e.g. <c>211.8 M USD/yr</c>.</summary>
    public static string PerYear(double usd) => WithUnit(usd) + "/yr";

    /// <summary>E.g. <c>211,824,742</c>.</summary>
    public static string Usd(double usd) => Clean(Math.Round(usd)).ToString("#,0", CultureInfo.InvariantCulture);

    /// <summary>Tonnes with thousands separators, e.g. <c>900,000</c>.</summary>
    public static string Tonnes(double tonnes) => tonnes.ToString("#,0", CultureInfo.InvariantCulture);

    /// <summary>No "-0" in output.</summary>
    private static double Clean(double value) => value == 0 ? 0 : value;
}
