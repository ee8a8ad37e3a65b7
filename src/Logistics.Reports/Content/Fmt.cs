using System.Globalization;

using Logistics.Presentation;

namespace Logistics.Reports.Content;

/// <summary>
/// Numbers for people: invariant culture, thousands separators, money in M/bn USD (through Presentation's MoneyFormat, shared with the CLI). One place, so the HTML, the
/// Markdown and the summary sentences always agree on how a figure reads.
/// </summary>
internal static class Fmt
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    /// <summary>USD per year as "211.8 M USD/yr" (or "bn USD" from a billion, plain below a million): <see cref="MoneyFormat.PerYear"/>.</summary>
    public static string UsdPerYear(double usd) => MoneyFormat.PerYear(usd);

    /// <summary>An amount of USD as "1.33 bn USD", "211.8 M USD" or "45,000 USD": <see cref="MoneyFormat.WithUnit"/>.</summary>
    public static string Money(double usd) => MoneyFormat.WithUnit(usd);

    /// <summary>Millions with one decimal, for table cells whose heading says "M USD/yr": <see cref="MoneyFormat.Millions"/>.</summary>
    public static string Millions(double usd) => MoneyFormat.Millions(usd);

    /// <summary>Signed millions, "+12.3" / "-4.0", for differences: <see cref="MoneyFormat.SignedMillions"/> (its remarks give the one minus sign).</summary>
    public static string SignedMillions(double usd) => MoneyFormat.SignedMillions(usd);

    public static string Tonnes(double t) => Clean(Math.Round(t)).ToString("#,0", Inv);

    public static string TonnesPerYear(double t) => Tonnes(t) + " t/yr";

    public static string UsdPerTonne(double usd) => Clean(Math.Round(usd, 2)).ToString("#,0.00", Inv);

    public static string Percent(double fraction) => Clean(Math.Round(fraction * 100, 1)).ToString("0.0", Inv) + "%";

    public static string Percent(double? fraction) => fraction is { } f ? Percent(f) : "";

    public static string Days(double days) => Clean(Math.Round(days, 1)).ToString("0.0", Inv);

    public static string Number(double value) => Clean(value).ToString("#,0.####", Inv);

    public static string Seconds(TimeSpan time) => time.TotalSeconds.ToString("0.00", Inv) + " s";

    public static string Gap(double? gap) => gap is { } g ? (g * 100).ToString("0.####", Inv) + "%" : "n/a";

    /// <summary>Numbers for machines (CSV): invariant, rounded to a fixed number of decimals so files are stable and diffable.</summary>
    public static string Data(double value, int decimals) => Clean(Math.Round(value, decimals)).ToString("R", Inv);

    public static string Data(double? value, int decimals) => value is { } v ? Data(v, decimals) : "";

    /// <summary>No "-0" in output.</summary>
    private static double Clean(double value) => value == 0 ? 0 : value;
}
