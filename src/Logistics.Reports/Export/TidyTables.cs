using System.Collections.Immutable;
using System.Globalization;

using Logistics.Network.Diagnostics;
using Logistics.Optimisation;
using Logistics.Reports.Content;

namespace Logistics.Reports.Export;

/// <summary>
/// The bundle's spreadsheet tables (docs/reports.md): one row per fact, a <c>scenario</c> column first (<c>base</c>
/// for the base network), rows in a stable order (variants as the report lists them, then the result's own order),
/// numbers invariant and rounded to fixed decimals so files diff cleanly.
/// </summary>
internal static class TidyTables
{
    private const int Tonnes = 3;
    private const int Usd = 2;
    private const int PerTonne = 4;
    private const int Ratio = 6;

    public static ImmutableArray<(string Name, string Csv)> All(ReportModel model) =>
    [
        ("builds.csv", Builds(model)),
        ("costs.csv", Costs(model)),
        ("flows.csv", Flows(model)),
        ("routes.csv", Routes(model)),
    ];

    public static string Routes(ReportModel model)
    {
        var csv = new CsvTable("scenario", "commodity", "mine", "market", "port", "tonnes_per_year", "transit_days",
            "transport_usd_per_t", "handling_usd_per_t", "transhipment_usd_per_t", "in_transit_capital_usd_per_t", "risk_usd_per_t", "capex_share_usd_per_t", "total_usd_per_t",
            "nodes", "links");
        foreach (var v in model.Variants())
        {
            foreach (var r in v.Result.Routes)
            {
                var c = r.PerTonneCost;
                csv.Row(v.Scenario, r.Commodity.Value, r.Mine.Value, r.Market.Value, r.Port?.Value ?? "", N(r.TonnesPerYear, Tonnes), N(r.TransitDays, 3),
                    N(c.Transport, PerTonne), N(c.Handling, PerTonne), N(c.Transhipment, PerTonne), N(c.InTransitCapital, PerTonne),
                    N(c.Risk, PerTonne), N(c.CapexShare, PerTonne), N(c.Total, PerTonne),
                    string.Join(">", r.Nodes.Select(n => n.Value)), string.Join(">", r.Links.Select(l => l.Link.Value)));
            }
        }

        return csv.ToString();
    }

    public static string Flows(ReportModel model)
    {
        var csv = new CsvTable("scenario", "link", "direction", "from", "to", "mode", "commodity", "tonnes_per_year", "link_total_tpy", "capacity_tpy", "utilisation");
        foreach (var v in model.Variants())
        {
            foreach (var f in v.Result.LinkFlows)
            {
                foreach (var c in f.ByCommodity.Where(c => c.TonnesPerYear > 0))
                {
                    csv.Row(v.Scenario, f.Link.Value, ResultJsonWriter.Name(f.Direction), f.From.Value, f.To.Value, ResultJsonWriter.Name(f.Mode), c.Commodity.Value,
                        N(c.TonnesPerYear, Tonnes), N(f.TotalTpy, Tonnes), N(f.CapacityTpy, Tonnes), N(f.Utilisation, Ratio));
                }
            }
        }

        return csv.ToString();
    }

    public static string Builds(ReportModel model)
    {
        var csv = new CsvTable("scenario", "option", "name", "built", "decision", "capex_usd", "annualised_capex_usd_per_year", "fixed_om_usd_per_year", "lifetime_years");
        foreach (var v in model.Variants())
        {
            foreach (var b in v.Result.Builds)
            {
                csv.Row(v.Scenario, b.Id.Value, b.Name, b.Built ? "true" : "false", ResultJsonWriter.Name(b.Decision), N(b.CapexUsd, Usd),
                    N(b.AnnualisedCapexUsd, Usd), N(b.FixedOmUsd, Usd), CsvField.Number(b.LifetimeYears));
            }
        }

        return csv.ToString();
    }

    public static string Costs(ReportModel model)
    {
        var csv = new CsvTable("scenario", "category", "bucket", "usd_per_year");
        foreach (var v in model.Variants())
        {
            foreach (var line in v.Result.Costs.Lines)
                csv.Row(v.Scenario, ResultJsonWriter.Name(line.Category), line.Bucket, N(line.UsdPerYear, Usd));
        }

        return csv.ToString();
    }

    public static string Diagnostics(IEnumerable<Diagnostic> diagnostics)
    {
        var csv = new CsvTable("severity", "code", "file", "line", "column", "path", "message", "hint");
        foreach (var d in diagnostics)
        {
            csv.Row(d.Severity.ToString().ToLowerInvariant(), d.Code, d.File ?? "", CsvField.Number(d.Line),
                CsvField.Number(d.Column), d.Path, d.Message, d.Hint ?? "");
        }

        return csv.ToString();
    }

    /// <summary>A number cell, rounded as <see cref="Fmt.Data(double, int)"/> does (never neutralised: "-5" stays a number).</summary>
    private static CsvField N(double value, int decimals) => CsvField.Number(Fmt.Data(value, decimals));

    private static CsvField N(double? value, int decimals) => CsvField.Number(Fmt.Data(value, decimals));
}
