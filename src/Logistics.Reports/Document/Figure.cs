namespace Logistics.Reports.Document;

/// <summary>
/// An SVG figure. HTML inlines <see cref="Svg"/> (the page must open offline); Markdown links the file
/// <see cref="FileName"/>, which the bundle writes next to report.md.
/// </summary>
public sealed record Figure(string FileName, string Caption, string Svg) : ReportBlock;
