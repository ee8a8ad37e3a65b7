using System.Globalization;
using System.Net;
using System.Text;

using Logistics.Network.Model;
using Logistics.Optimisation;
using Logistics.Reports.Content;

namespace Logistics.Reports.Graphics;

/// <summary>
/// The schedule of a plan over time as a Gantt strip, drawn by hand as SVG (exact years matter more than a chart
/// library's axes): one row per option, its construction years hatched and its service years solid, the planning
/// periods as shaded bands behind, calendar years along the bottom. Options the plan does not build get an empty row
/// that says so, so the strip also shows what was left out.
/// </summary>
internal static class GanttStrip
{
    private const int Width = 960;
    private const double LabelWidth = 290;
    private const double Right = 20;
    private const double Top = 58;
    private const double RowHeight = 26;
    private const string ConstructionColour = "#e0a060";
    private const string ServiceColour = "#1f5f99";
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public static string Render(NetworkSnapshot network, OptimisationResult result, string title)
    {
        var horizonEnd = network.HorizonEndYear;
        var built = result.Schedule.Select(b => (Build: b, Years: PresentValueByYear.ConstructionYears(network, b))).ToList();
        var unbuilt = network.Options.Where(o => result.Schedule.All(b => b.Id != o.Id)).ToList();
        var first = Math.Min(result.Periods[0].StartYear, built.Count == 0 ? int.MaxValue : built.Min(b => b.Years.First));
        var years = horizonEnd - first;
        var rows = built.Count + unbuilt.Count;
        var height = (int)(Top + (Math.Max(1, rows) * RowHeight) + 64);
        var plotWidth = Width - LabelWidth - Right;
        double X(int year) => LabelWidth + ((year - first) * plotWidth / years);

        var svg = new StringBuilder();
        svg.Append(Inv, $"<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart gantt\" viewBox=\"0 0 {Width} {height}\" width=\"{Width}\" height=\"{height}\" role=\"img\" aria-labelledby=\"timeline-title\" font-family=\"DejaVu Sans, Liberation Sans, Arial, sans-serif\">\n");
        svg.Append("<title id=\"timeline-title\">").Append(E(title)).Append("</title>\n");
        svg.Append("<defs><pattern id=\"timeline-hatch\" width=\"6\" height=\"6\" patternUnits=\"userSpaceOnUse\" patternTransform=\"rotate(45)\">");
        svg.Append(Inv, $"<rect width=\"6\" height=\"6\" fill=\"#fbe9d6\"/><line x1=\"0\" y1=\"0\" x2=\"0\" y2=\"6\" stroke=\"{ConstructionColour}\" stroke-width=\"3\"/></pattern></defs>\n");
        svg.Append(Inv, $"<text x=\"10\" y=\"22\" font-size=\"15\" font-weight=\"bold\" fill=\"#1d2733\">{E(title)}</text>\n");

        // Period bands behind the rows, named at the top.
        var bottom = Top + (Math.Max(1, rows) * RowHeight);
        for (var p = 0; p < result.Periods.Length; p++)
        {
            var period = result.Periods[p];
            var x0 = X(period.StartYear);
            var x1 = X(period.StartYear + period.Years);
            var label = period.Name.Contains(period.StartYear.ToString(Inv), StringComparison.Ordinal) ? period.Name : $"{Span(period)} {period.Name}";
            svg.Append(Inv, $"<rect class=\"period\" data-period=\"{E(period.Id.Value)}\" x=\"{x0:0.#}\" y=\"{Top - 16:0.#}\" width=\"{x1 - x0:0.#}\" height=\"{bottom - Top + 16:0.#}\" fill=\"{(p % 2 == 0 ? "#eef3f8" : "#f7f9fb")}\" stroke=\"#c8d1db\"><title>{E(label)}</title></rect>\n");
            svg.Append(Inv, $"<text x=\"{x0 + 4:0.#}\" y=\"{Top - 4:0.#}\" font-size=\"11\" fill=\"#5b6775\">{E(Clip(label, (x1 - x0) / 6.5))}</text>\n");
        }

        var row = 0;
        foreach (var (build, (from, to)) in built)
        {
            var y = Top + (row++ * RowHeight);
            Label(svg, y, $"{build.Name} ({build.Id})");
            if (to < build.ServiceYear)
            {
                svg.Append(Inv, $"<rect class=\"construction\" data-option=\"{E(build.Id.Value)}\" data-from=\"{from}\" data-to=\"{to}\" x=\"{X(from):0.#}\" y=\"{y + 5:0.#}\" width=\"{X(to + 1) - X(from):0.#}\" height=\"{RowHeight - 10:0.#}\" fill=\"url(#timeline-hatch)\" stroke=\"{ConstructionColour}\">");
                svg.Append("<title>").Append(E(string.Create(Inv, $"{build.Name}: construction {YearSpan(from, to)}, capex {Fmt.Money(build.CapexUsd)}"))).Append("</title></rect>\n");
            }

            svg.Append(Inv, $"<rect class=\"service\" data-option=\"{E(build.Id.Value)}\" data-from=\"{build.ServiceYear}\" data-to=\"{horizonEnd - 1}\" x=\"{X(build.ServiceYear):0.#}\" y=\"{y + 5:0.#}\" width=\"{X(horizonEnd) - X(build.ServiceYear):0.#}\" height=\"{RowHeight - 10:0.#}\" fill=\"{ServiceColour}\">");
            svg.Append("<title>").Append(E(string.Create(Inv, $"{build.Name}: in service {YearSpan(build.ServiceYear, horizonEnd - 1)}"))).Append("</title></rect>\n");
            svg.Append(Inv, $"<text x=\"{X(build.ServiceYear) + 4:0.#}\" y=\"{y + 17:0.#}\" font-size=\"11\" fill=\"#fff\">{build.ServiceYear}</text>\n");
        }

        foreach (var option in unbuilt)
        {
            var y = Top + (row++ * RowHeight);
            Label(svg, y, $"{option.Name} ({option.Id})");
            svg.Append(Inv, $"<text class=\"not-built\" data-option=\"{E(option.Id.Value)}\" x=\"{LabelWidth + 6:0.#}\" y=\"{y + 17:0.#}\" font-size=\"11\" font-style=\"italic\" fill=\"#5b6775\">not built by {horizonEnd - 1}</text>\n");
        }

        // Year axis: a tick every year, a label every few so they never overlap.
        var step = years <= 14 ? 1 : years <= 30 ? 2 : 5;
        svg.Append(Inv, $"<line x1=\"{LabelWidth:0.#}\" y1=\"{bottom:0.#}\" x2=\"{Width - Right:0.#}\" y2=\"{bottom:0.#}\" stroke=\"#1d2733\"/>\n");
        for (var year = first; year <= horizonEnd; year++)
        {
            var x = X(year);
            var labelled = (year - first) % step == 0;
            svg.Append(Inv, $"<line x1=\"{x:0.#}\" y1=\"{bottom:0.#}\" x2=\"{x:0.#}\" y2=\"{bottom + (labelled ? 6 : 3):0.#}\" stroke=\"#1d2733\"/>\n");
            if (labelled && year < horizonEnd)
                svg.Append(Inv, $"<text x=\"{x:0.#}\" y=\"{bottom + 18:0.#}\" font-size=\"11\" text-anchor=\"middle\" fill=\"#1d2733\">{year}</text>\n");
        }

        var legend = bottom + 40;
        svg.Append(Inv, $"<rect x=\"{LabelWidth:0.#}\" y=\"{legend - 10:0.#}\" width=\"22\" height=\"12\" fill=\"url(#timeline-hatch)\" stroke=\"{ConstructionColour}\"/><text x=\"{LabelWidth + 28:0.#}\" y=\"{legend:0.#}\" font-size=\"12\" fill=\"#1d2733\">construction (capex paid)</text>\n");
        svg.Append(Inv, $"<rect x=\"{LabelWidth + 220:0.#}\" y=\"{legend - 10:0.#}\" width=\"22\" height=\"12\" fill=\"{ServiceColour}\"/><text x=\"{LabelWidth + 248:0.#}\" y=\"{legend:0.#}\" font-size=\"12\" fill=\"#1d2733\">in service (O&amp;M paid) to the horizon</text>\n");
        svg.Append("</svg>\n");
        return svg.ToString();
    }

    private static void Label(StringBuilder svg, double y, string text) =>
        svg.Append(Inv, $"<text x=\"{LabelWidth - 8:0.#}\" y=\"{y + 17:0.#}\" font-size=\"12\" text-anchor=\"end\" fill=\"#1d2733\">{E(Clip(text, 44))}</text>\n");

    private static string Span(PeriodResult period) => YearSpan(period.StartYear, period.EndYear);

    private static string YearSpan(int from, int to) => from == to ? from.ToString(Inv) : string.Create(Inv, $"{from}\u2013{to}");

    private static string Clip(string text, double characters)
    {
        var max = Math.Max(4, (int)characters);
        return text.Length <= max ? text : text[..(max - 3)] + "...";
    }

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
