using Logistics.Analysis;
using Logistics.Analysis.Uncertainty;
using Logistics.Reports.Document;

namespace Logistics.Reports.Content;

/// <summary>
/// What a bundle does with the study's uncertainty report (<see cref="ReportRequest.Uncertainty"/>): puts its section before the run
/// manifest, and writes every draw as CSV (uncertainty-draws.csv) so an analyst can redo any number.
/// </summary>
internal static class UncertaintyStudy
{
    public const string DrawsFile = "uncertainty-draws.csv";

    /// <summary>The document with the uncertainty section inserted before the manifest (at the end when there is none); unchanged without a study.</summary>
    public static ReportDocument AddSection(ReportDocument document, UncertaintyReport? report)
    {
        if (report is null)
            return document;
        var section = UncertaintySection.Compose(report);
        var manifest = Enumerable.Range(0, document.Sections.Length).FirstOrDefault(i => document.Sections[i].Anchor == "manifest", -1);
        return document with { Sections = manifest < 0 ? document.Sections.Add(section) : document.Sections.Insert(manifest, section) };
    }

    public static string DrawsCsv(UncertaintyReport report)
    {
        using var writer = new StringWriter(System.Globalization.CultureInfo.InvariantCulture) { NewLine = "\n" };
        UncertaintyAnalysis.WriteDrawsCsv(report, writer);
        return writer.ToString();
    }
}
