using System.Collections.Immutable;

using Logistics.Analysis;
using Logistics.Optimisation;
using Logistics.Reports.Content;

namespace Logistics.Reports.Export;

/// <summary>
/// The tidy tables of plans over time (docs/reports.md), written only when the report's plan has periods, so a
/// one-period bundle keeps exactly its files: the schedule, the periods, routes and costs per period (a <c>period</c>
/// column after <c>scenario</c>), the present value by calendar year of the plan the report is of, and, when those
/// analyses ran, the option values with timing and the outages over time.
/// </summary>
internal static class TimelineTables
{
    private const int Tonnes = 3;
    private const int Usd = 2;
    private const int PerTonne = 4;

    public static ImmutableArray<(string Name, string Csv)> All(ReportModel model)
    {
        var variants = model.Variants().Where(v => v.Result.IsPlanOverTime).ToList();
        if (variants.Count == 0)
            return [];
        List<(string Name, string Csv)> tables =
        [
            ("schedule.csv", Schedule(variants, model)),
            ("periods.csv", Periods(variants)),
            ("period-routes.csv", Routes(variants)),
            ("period-costs.csv", Costs(variants)),
            ("present-value-by-year.csv", ByYear(model)),
        ];
        if (model.Values is { Timeline: not null } values)
            tables.Add(("option-values.csv", OptionValues(model, values)));
        if (model.Resilience is { Window: { } window } resilience)
            tables.Add(("outages.csv", Outages(model, resilience, window)));
        return [.. tables];
    }

    /// <summary>Each row of the value analysis with timing (present values in base-year USD; docs/analyses.md, "value with timing").</summary>
    private static string OptionValues(ReportModel model, ValueReport values)
    {
        var csv = new CsvTable("scenario", "option", "label", "built_in_optimum", "capex_usd", "best_year", "first_possible_year", "pv_with_usd", "pv_without_usd",
            "npv_usd", "pv_first_year_usd", "value_of_waiting_usd", "break_even_capex_usd", "own_break_even_capex_usd", "payback_year", "irr");
        foreach (var v in values.Valuations)
        {
            var t = v.Timing;
            csv.Row(model.SubjectId, v.Option.Value, v.Label, v.BuiltInOptimum ? "true" : "false", N(v.CapexUsd, Usd), CsvField.Number(t?.BestYear), CsvField.Number(t?.FirstPossibleYear),
                N(t?.PresentValueWithUsd, Usd), N(t?.PresentValueWithoutUsd, Usd), N(t?.NpvUsd, Usd), N(t?.PresentValueFirstYearUsd, Usd), N(t?.ValueOfWaitingUsd, Usd),
                N(t?.BreakEvenCapexUsd, Usd), N(t?.BreakEvenOwnCapexUsd, Usd), CsvField.Number(t?.PaybackYear), N(v.Irr, 6));
        }

        return csv.ToString();
    }

    /// <summary>Every outage of the resilience analysis over time: losses in present value, unshipped tonnes over the outage, both answers.</summary>
    private static string Outages(ReportModel model, ResilienceReport resilience, OutageWindow window)
    {
        var csv = new CsvTable("scenario", "rank", "element", "kind", "period", "start_year", "years", "kept_status", "kept_loss_usd", "kept_unshipped_t",
            "replanned_status", "replanned_loss_usd", "replanned_unshipped_t", "replanned_schedule");
        foreach (var o in resilience.Outages)
        {
            csv.Row(model.SubjectId, CsvField.Number(o.Rank), o.ElementId, o.Kind.ToString().ToLowerInvariant(), window.Period, CsvField.Number(window.StartYear), CsvField.Number(window.Years),
                ResultJsonWriter.Name(o.Operational.Status), N(o.Operational.ExtraAnnualCostUsd, Usd), N(o.Operational.UnshippedTonnes, Tonnes),
                ResultJsonWriter.Name(o.Strategic.Status), N(o.Strategic.ExtraAnnualCostUsd, Usd), N(o.Strategic.UnshippedTonnes, Tonnes),
                string.Join(";", (o.Strategic.Schedule ?? []).Select(s => s.ToString())));
        }

        return csv.ToString();
    }

    /// <summary>Every option of every variant: built or not, the year it enters service, and its present value in parts.</summary>
    private static string Schedule(List<SolvedVariant> variants, ReportModel model)
    {
        var csv = new CsvTable("scenario", "option", "name", "built", "service_year", "period", "capex_usd", "pv_capex_usd", "pv_fixed_om_usd", "pv_residual_usd", "pv_net_usd");
        foreach (var v in variants)
        {
            foreach (var option in model.Network.Options)
            {
                if (v.Result.Schedule.FirstOrDefault(b => b.Id == option.Id) is { } b)
                {
                    csv.Row(v.Scenario, b.Id.Value, b.Name, "true", CsvField.Number(b.ServiceYear), b.Period.Value, N(b.CapexUsd, Usd),
                        N(b.PresentValue.Capex, Usd), N(b.PresentValue.FixedOm, Usd), N(b.PresentValue.Residual, Usd), N(b.PresentValue.Net, Usd));
                }
                else
                {
                    csv.Row(v.Scenario, option.Id.Value, option.Name, "false", CsvField.Number((int?)null), "", N(option.CapexUsd, Usd), N(null, Usd), N(null, Usd), N(null, Usd), N(null, Usd));
                }
            }
        }

        return csv.ToString();
    }

    private static string Periods(List<SolvedVariant> variants)
    {
        var csv = new CsvTable("scenario", "period", "name", "start_year", "end_year", "years", "present_value_factor", "in_service", "tonnes_per_year", "operating_usd_per_year", "operating_usd_per_t");
        foreach (var v in variants)
        {
            foreach (var p in v.Result.Periods)
            {
                csv.Row(v.Scenario, p.Id.Value, p.Name, CsvField.Number(p.StartYear), CsvField.Number(p.EndYear), CsvField.Number(p.Years), N(p.PresentValueFactor, 6),
                    string.Join(";", p.InService.Select(o => o.Value)), N(p.TonnesPerYear, Tonnes), N(PlanOverTimeSections.Operating(p), Usd), N(p.OperatingUsdPerTonne, PerTonne));
            }
        }

        return csv.ToString();
    }

    private static string Routes(List<SolvedVariant> variants)
    {
        var csv = new CsvTable("scenario", "period", "commodity", "mine", "market", "port", "tonnes_per_year", "transit_days",
            "transport_usd_per_t", "handling_usd_per_t", "transhipment_usd_per_t", "in_transit_capital_usd_per_t", "risk_usd_per_t", "operating_usd_per_t", "nodes", "links");
        foreach (var v in variants)
        {
            foreach (var p in v.Result.Periods)
            {
                foreach (var r in p.Routes)
                {
                    var c = r.PerTonneCost;
                    csv.Row(v.Scenario, p.Id.Value, r.Commodity.Value, r.Mine.Value, r.Market.Value, r.Port?.Value ?? "", N(r.TonnesPerYear, Tonnes), N(r.TransitDays, 3),
                        N(c.Transport, PerTonne), N(c.Handling, PerTonne), N(c.Transhipment, PerTonne), N(c.InTransitCapital, PerTonne), N(c.Risk, PerTonne), N(c.Operating, PerTonne),
                        string.Join(">", r.Nodes.Select(n => n.Value)), string.Join(">", r.Links.Select(l => l.Link.Value)));
                }
            }
        }

        return csv.ToString();
    }

    /// <summary>Each period's yearly cost lines and their present value over the period (line × the period's factor).</summary>
    private static string Costs(List<SolvedVariant> variants)
    {
        var csv = new CsvTable("scenario", "period", "category", "bucket", "usd_per_year", "present_value_usd");
        foreach (var v in variants)
        {
            foreach (var p in v.Result.Periods)
            {
                foreach (var line in p.YearlyCosts.Lines)
                    csv.Row(v.Scenario, p.Id.Value, ResultJsonWriter.Name(line.Category), line.Bucket, N(line.UsdPerYear, Usd), N(line.UsdPerYear * p.PresentValueFactor, Usd));
            }
        }

        return csv.ToString();
    }

    /// <summary>The report's own plan only: the other variants' option figures (lead times, capex) may differ from this network's.</summary>
    private static string ByYear(ReportModel model)
    {
        var csv = new CsvTable("scenario", "year", "category", "present_value_usd");
        foreach (var y in PresentValueByYear.Of(model.Network, model.Base))
            csv.Row(model.SubjectId, CsvField.Number(y.Year), ResultJsonWriter.Name(y.Category), N(y.PresentValueUsd, Usd));
        return csv.ToString();
    }

    private static CsvField N(double value, int decimals) => CsvField.Number(Fmt.Data(value, decimals));

    private static CsvField N(double? value, int decimals) => CsvField.Number(Fmt.Data(value, decimals));
}
