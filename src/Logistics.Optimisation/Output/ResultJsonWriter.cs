using System.Collections.Immutable;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

using Logistics.Network.Model;

namespace Logistics.Optimisation;

/// <summary>
/// Writes an <see cref="OptimisationResult"/> as versioned JSON (docs/result-format.md). Written field by field with
/// <see cref="Utf8JsonWriter"/>, so property order is fixed, numbers are invariant (shortest round-trip form) and
/// the same result always gives the same bytes. Timings are the only run-dependent figures; leave them out for
/// byte-identical files.
/// </summary>
public static class ResultJsonWriter
{
    /// <summary>
    /// Bumped whenever a field changes meaning or goes away; adding a field does not bump it. Version 2: plans over time
    /// (objective and costs in present value, periods, schedule; docs/result-format.md). A one-period result has not
    /// changed and is still written as <see cref="OnePeriodFormatVersion"/>.
    /// </summary>
    public const int ResultFormatVersion = 2;

    /// <summary>The version a one-period result (a file without periods) is written as: its fields are version 1's.</summary>
    public const int OnePeriodFormatVersion = 1;

    public static void Write(OptimisationResult result, Stream stream, bool includeTimings = true)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(stream);
        using var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        WriteResult(json, result, includeTimings);
    }

    public static string ToJson(OptimisationResult result, bool includeTimings = true)
    {
        using var stream = new MemoryStream();
        Write(result, stream, includeTimings);
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    /// <summary>camelCase of an enum member: <c>AnnualisedCapex</c> → <c>annualisedCapex</c>.</summary>
    public static string Name<T>(T value)
        where T : struct, Enum
    {
        var text = value.ToString();
        return char.ToLowerInvariant(text[0]) + text[1..];
    }

    private static void WriteResult(Utf8JsonWriter json, OptimisationResult r, bool includeTimings)
    {
        json.WriteStartObject();
        var overTime = r.IsPlanOverTime;
        json.WriteNumber("resultFormatVersion", overTime ? ResultFormatVersion : OnePeriodFormatVersion);
        json.WriteString("status", Name(r.Status));
        json.WriteString("terminationReason", Name(r.Reason));
        json.WriteString("statusMessage", r.StatusMessage);
        // A plan over time's objective is a present value over the horizon, not a yearly figure: its name says so.
        Number(json, overTime ? "objectivePresentValueUsd" : "objectiveUsdPerYear", r.Objective);
        Number(json, overTime ? "bestBoundPresentValueUsd" : "bestBoundUsdPerYear", r.BestBound);
        Number(json, "relativeGap", r.RelativeGap);
        WriteSolver(json, r.Solver, includeTimings);
        Array(json, "builds", r.Builds, WriteBuild);
        Array(json, "routes", r.Routes, WriteRoute);
        Array(json, "linkFlows", r.LinkFlows, WriteLinkFlow);
        Array(json, "portFlows", r.PortFlows, (j, p) =>
        {
            j.WriteString("port", p.Port.Value);
            j.WriteNumber("throughputTpy", p.ThroughputTpy);
            Number(j, "capacityTpy", p.CapacityTpy);
            Number(j, "utilisation", p.Utilisation);
        });
        Array(json, "bottlenecks", r.Bottlenecks, (j, b) =>
        {
            j.WriteString("kind", Name(b.Kind));
            j.WriteString("element", b.ElementId);
            String(j, "direction", b.Direction is { } d ? Name(d) : null);
            j.WriteNumber("usedTpy", b.UsedTpy);
            j.WriteNumber("capacityTpy", b.CapacityTpy);
            j.WriteNumber("utilisation", b.Utilisation);
        });
        if (overTime)
            WriteCosts(json, r.Costs, "presentValueCosts", "Usd");
        else
            WriteCosts(json, r.Costs);
        WriteDeliveries(json, r.Deliveries, r.Unshipped);
        WritePrices(json, r.Prices);
        WriteDiagnosis(json, r.Diagnosis);
        if (overTime)
            WritePlanOverTime(json, r);
        json.WriteEndObject();
    }

    private static void WriteDeliveries(Utf8JsonWriter json, ImmutableArray<DeliveryResult> deliveries, ImmutableArray<UnshippedResult> unshipped)
    {
        Array(json, "deliveries", deliveries, (j, d) =>
        {
            j.WriteString("commodity", d.Commodity.Value);
            j.WriteString("market", d.Market.Value);
            j.WriteNumber("tonnesPerYear", d.TonnesPerYear);
            j.WriteNumber("minTpy", d.MinTpy);
            Number(j, "maxTpy", d.MaxTpy);
            Number(j, "priceUsdPerTonne", d.PriceUsdPerTonne);
            j.WriteNumber("revenueUsdPerYear", d.RevenueUsd);
        });
        Array(json, "unshipped", unshipped, (j, u) =>
        {
            j.WriteString("mine", u.Mine.Value);
            j.WriteString("commodity", u.Commodity.Value);
            j.WriteNumber("tonnesPerYear", u.TonnesPerYear);
            j.WriteNumber("supplyTpy", u.SupplyTpy);
        });
    }

    /// <summary>The schedule and one object per period (routes, flows, yearly costs, deliveries, prices of that period).</summary>
    private static void WritePlanOverTime(Utf8JsonWriter json, OptimisationResult r)
    {
        Array(json, "schedule", r.Schedule, (j, b) =>
        {
            j.WriteString("option", b.Id.Value);
            j.WriteNumber("serviceYear", b.ServiceYear);
            j.WriteString("period", b.Period.Value);
            j.WriteString("decision", Name(b.Decision));
            j.WriteNumber("capexUsd", b.CapexUsd);
            j.WriteNumber("capexPresentValueUsd", b.PresentValue.Capex);
            j.WriteNumber("fixedOmPresentValueUsd", b.PresentValue.FixedOm);
            j.WriteNumber("residualPresentValueUsd", b.PresentValue.Residual);
        });
        Array(json, "periods", r.Periods, (j, p) =>
        {
            j.WriteString("id", p.Id.Value);
            j.WriteString("name", p.Name);
            j.WriteNumber("startYear", p.StartYear);
            j.WriteNumber("years", p.Years);
            j.WriteNumber("presentValueFactor", p.PresentValueFactor);
            j.WriteStartArray("inService");
            foreach (var option in p.InService)
                j.WriteStringValue(option.Value);
            j.WriteEndArray();
            j.WriteNumber("tonnesPerYear", p.TonnesPerYear);
            Number(j, "operatingUsdPerTonne", p.OperatingUsdPerTonne);
            Array(j, "routes", p.Routes, WriteRoute);
            Array(j, "linkFlows", p.LinkFlows, WriteLinkFlow);
            WriteCosts(j, p.YearlyCosts, "yearlyCosts", "UsdPerYear");
            WriteDeliveries(j, p.Deliveries, p.Unshipped);
            WritePrices(j, p.Prices);
        });
    }

    private static void WritePrices(Utf8JsonWriter json, PriceReport? prices)
    {
        if (prices is null)
        {
            json.WriteNull("prices");
            return;
        }

        json.WriteStartObject("prices");
        json.WriteString("note", prices.Note);
        Array(json, "capacities", prices.Capacities, (j, c) =>
        {
            j.WriteString("kind", Name(c.Kind));
            j.WriteString("element", c.ElementId);
            String(j, "direction", c.Direction is { } d ? Name(d) : null);
            j.WriteNumber("capacityTpy", c.CapacityTpy);
            j.WriteNumber("usedTpy", c.UsedTpy);
            j.WriteNumber("valueUsdPerTonne", c.ValueUsdPerTonne);
        });
        Array(json, "markets", prices.Markets, (j, m) =>
        {
            j.WriteString("commodity", m.Commodity.Value);
            j.WriteString("market", m.Market.Value);
            j.WriteNumber("deliveryDualUsdPerTonne", m.DeliveryDualUsdPerTonne);
            Number(j, "marginalDeliveredCostUsdPerTonne", m.MarginalDeliveredCostUsdPerTonne);
        });
        Array(json, "mineGates", prices.MineGates, (j, g) =>
        {
            j.WriteString("mine", g.Mine.Value);
            j.WriteString("commodity", g.Commodity.Value);
            j.WriteNumber("usdPerTonne", g.UsdPerTonne);
        });
        Array(json, "duals", prices.Prices, (j, p) =>
        {
            j.WriteString("constraint", p.Constraint);
            j.WriteNumber("usdPerUnit", p.UsdPerUnit);
        });
        json.WriteEndObject();
    }

    private static void WriteDiagnosis(Utf8JsonWriter json, InfeasibilityDiagnosis? diagnosis)
    {
        if (diagnosis is null)
        {
            json.WriteNull("diagnosis");
            return;
        }

        json.WriteStartObject("diagnosis");
        json.WriteString("method", diagnosis.Method);
        Array(json, "findings", diagnosis.Findings, (j, f) =>
        {
            j.WriteString("kind", Name(f.Kind));
            j.WriteString("sentence", f.Sentence);
            j.WriteStartArray("elements");
            foreach (var e in f.Elements)
                j.WriteStringValue(e);
            j.WriteEndArray();
            j.WriteNumber("amount", f.Amount);
            j.WriteString("unit", f.Unit);
        });
        WriteConflicts(json, diagnosis.Conflicts);
        json.WriteEndObject();
    }

    private static void WriteConflicts(Utf8JsonWriter json, ImmutableArray<string> conflicts)
    {
        json.WriteStartArray("conflicts");
        foreach (var c in conflicts.IsDefault ? [] : conflicts)
            json.WriteStringValue(c);
        json.WriteEndArray();
    }

    private static void WriteSolver(Utf8JsonWriter json, SolverRun s, bool includeTimings)
    {
        json.WriteStartObject("solver");
        json.WriteString("backend", Name(s.Backend));
        json.WriteString("backendName", s.BackendName);
        json.WriteString("orToolsVersion", s.OrToolsVersion);
        json.WriteString("backendVersion", s.BackendVersion);
        json.WriteBoolean("isMip", s.IsMip);
        json.WriteNumber("threads", s.Threads);
        json.WriteNumber("variables", s.Variables);
        json.WriteNumber("constraints", s.Constraints);
        if (includeTimings)
        {
            json.WriteStartObject("timingsMs");
            json.WriteNumber("build", Math.Round(s.BuildTime.TotalMilliseconds, 3));
            json.WriteNumber("solve", Math.Round(s.SolveTime.TotalMilliseconds, 3));
            json.WriteNumber("extract", Math.Round(s.ExtractTime.TotalMilliseconds, 3));
            json.WriteNumber("prices", Math.Round(s.PriceTime.TotalMilliseconds, 3));
            json.WriteNumber("wall", Math.Round(s.WallTime.TotalMilliseconds, 3));
            json.WriteEndObject();
        }

        json.WriteEndObject();
    }

    private static void WriteBuild(Utf8JsonWriter j, BuildResult b)
    {
        j.WriteString("id", b.Id.Value);
        j.WriteString("name", b.Name);
        j.WriteBoolean("built", b.Built);
        j.WriteString("decision", Name(b.Decision));
        j.WriteNumber("capexUsd", b.CapexUsd);
        j.WriteNumber("annualisedCapexUsdPerYear", b.AnnualisedCapexUsd);
        j.WriteNumber("fixedOmUsdPerYear", b.FixedOmUsd);
        j.WriteNumber("lifetimeYears", b.LifetimeYears);
        j.WriteStartArray("linksBuilt");
        foreach (var l in b.LinksBuilt)
            j.WriteStringValue(l.Value);
        j.WriteEndArray();
        Array(j, "capacityAdds", b.CapacityAdds, (jj, c) =>
        {
            String(jj, "link", c.Link?.Value);
            String(jj, "port", c.Port?.Value);
            jj.WriteNumber("addedTpy", c.AddedTpy);
        });
    }

    private static void WriteRoute(Utf8JsonWriter j, RouteResult r)
    {
        j.WriteString("commodity", r.Commodity.Value);
        j.WriteString("mine", r.Mine.Value);
        j.WriteString("market", r.Market.Value);
        String(j, "port", r.Port?.Value);
        j.WriteStartArray("nodes");
        foreach (var n in r.Nodes)
            j.WriteStringValue(n.Value);
        j.WriteEndArray();
        Array(j, "legs", r.Links, (jj, leg) =>
        {
            jj.WriteString("link", leg.Link.Value);
            jj.WriteString("from", leg.From.Value);
            jj.WriteString("to", leg.To.Value);
            jj.WriteString("mode", Name(leg.Mode));
        });
        j.WriteNumber("tonnesPerYear", r.TonnesPerYear);
        j.WriteNumber("transitDays", r.TransitDays);
        var c = r.PerTonneCost;
        j.WriteStartObject("perTonneUsd");
        j.WriteNumber("transport", c.Transport);
        j.WriteNumber("handling", c.Handling);
        j.WriteNumber("transhipment", c.Transhipment);
        j.WriteNumber("inTransitCapital", c.InTransitCapital);
        j.WriteNumber("risk", c.Risk);
        j.WriteNumber("operating", c.Operating);
        j.WriteNumber("capexShare", c.CapexShare);
        j.WriteNumber("total", c.Total);
        j.WriteEndObject();
    }

    private static void WriteLinkFlow(Utf8JsonWriter j, LinkFlowResult f)
    {
        j.WriteString("link", f.Link.Value);
        j.WriteString("direction", Name(f.Direction));
        j.WriteString("from", f.From.Value);
        j.WriteString("to", f.To.Value);
        j.WriteString("mode", Name(f.Mode));
        j.WriteStartObject("tonnesByCommodity");
        foreach (var c in f.ByCommodity)
            j.WriteNumber(c.Commodity.Value, c.TonnesPerYear);
        j.WriteEndObject();
        j.WriteNumber("totalTpy", f.TotalTpy);
        Number(j, "capacityTpy", f.CapacityTpy);
        Number(j, "utilisation", f.Utilisation);
    }

    private static void WriteCosts(Utf8JsonWriter json, CostBreakdown costs, string name = "costs", string unit = "UsdPerYear")
    {
        json.WriteStartObject(name);
        json.WriteNumber("total" + unit, costs.Total);
        json.WriteStartObject("byCategory");
        // The plan-over-time categories appear only when used, so a one-period result keeps its bytes.
        foreach (var category in Enum.GetValues<CostCategory>().Where(c => c < CostCategory.CapexOutlay || costs.Lines.Any(l => l.Category == c)))
            json.WriteNumber(Name(category), costs.Category(category));
        json.WriteEndObject();
        Array(json, "lines", costs.Lines, (j, l) =>
        {
            j.WriteString("category", Name(l.Category));
            j.WriteString("bucket", l.Bucket);
            j.WriteNumber(char.ToLowerInvariant(unit[0]) + unit[1..], l.UsdPerYear);
        });
        json.WriteEndObject();
    }

    private static void Array<T>(Utf8JsonWriter json, string name, ImmutableArray<T> items, Action<Utf8JsonWriter, T> writeFields)
    {
        json.WriteStartArray(name);
        foreach (var item in items.IsDefault ? [] : items)
        {
            json.WriteStartObject();
            writeFields(json, item);
            json.WriteEndObject();
        }

        json.WriteEndArray();
    }

    private static void Number(Utf8JsonWriter json, string name, double? value)
    {
        if (value is { } v)
            json.WriteNumber(name, v);
        else
            json.WriteNull(name);
    }

    private static void String(Utf8JsonWriter json, string name, string? value)
    {
        if (value is null)
            json.WriteNull(name);
        else
            json.WriteString(name, value);
    }
}
