using System.Globalization;

using Logistics.Network.Model;
using Logistics.Network.Text;
using Logistics.Optimisation;

namespace Logistics.Presentation;

/// <summary>
/// The console summary of a solve: status, objective, builds, routes with their per-tonne breakdown, bottlenecks and
/// the cost breakdown. Plain text, aligned tables, invariant culture; no timings unless asked, so output is stable.
/// </summary>
public static class ResultConsoleWriter
{
    public static void Write(OptimisationResult result, NetworkSnapshot network, TextWriter writer, bool includeTimings = true)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(writer);
        var scenario = network.AppliedScenario is { } s ? $" (scenario {s})" : "";
        writer.WriteLine($"Network: {ConsoleText.Escape(network.Metadata.Name)}{scenario}");
        // The message usually starts with the status's own name ("Optimal."); print it once.
        var message = result.StatusMessage.StartsWith(result.Status.ToString(), StringComparison.Ordinal) ? result.StatusMessage : $"{result.Status}. {result.StatusMessage}";
        writer.WriteLine($"Status: {message}");
        var run = result.Solver;
        var timings = includeTimings
            ? string.Create(CultureInfo.InvariantCulture, $"; build {run.BuildTime.TotalMilliseconds:F0} ms, solve {run.SolveTime.TotalMilliseconds:F0} ms, prices {run.PriceTime.TotalMilliseconds:F0} ms, extract {run.ExtractTime.TotalMilliseconds:F0} ms")
            : "";
        writer.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Solver: {run.BackendName} (OR-Tools {run.OrToolsVersion}), {(run.IsMip ? "MIP" : "LP")}, {run.Threads} thread(s), {run.Variables} variables, {run.Constraints} constraints{timings}"));
        if (result.Objective is not { } objective)
        {
            writer.WriteLine("No solution to report.");
            WriteDiagnosis(result, writer);
            return;
        }

        if (result.IsPlanOverTime)
        {
            WritePlanOverTime(result, network, writer, objective);
            return;
        }

        writer.WriteLine($"Objective: {TextTable.Number(objective)} USD/yr");
        if (result.Status == SolveStatus.Feasible)
        {
            // A bound that is not finite is no bound: say so rather than print a meaningless gap.
            writer.WriteLine(result.BestBound is { } bound
                ? $"Best bound: {TextTable.Number(bound)} USD/yr, gap {TextTable.Percent(result.RelativeGap)}"
                : "Best bound: none proven yet, gap unknown");
        }

        WriteBuilds(result, writer);
        WriteRoutes(result, writer);
        WriteBottlenecks(result, writer);
        WriteCosts(result, writer);
        WriteUnshipped(result, writer);
        WritePrices(result, writer);
    }

    /// <summary>A plan over time: the schedule first, then present value by category, the periods side by side, and each period's routes.</summary>
    private static void WritePlanOverTime(OptimisationResult result, NetworkSnapshot network, TextWriter writer, double objective)
    {
        var m = network.Metadata;
        writer.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Objective: {TextTable.Number(objective)} USD present value ({m.BaseYear} USD, {m.DiscountRate:P1} real, {network.Periods[0].StartYear}–{network.HorizonEndYear - 1})"));
        if (result.Status == SolveStatus.Feasible)
            writer.WriteLine($"Best bound: {TextTable.Number(result.BestBound ?? objective)} USD, gap {TextTable.Percent(result.RelativeGap)}");
        writer.WriteLine();
        writer.WriteLine("Schedule");
        writer.WriteLine($"  {ScheduleSentence(result, network)}");

        writer.WriteLine();
        writer.WriteLine("Present value by category (USD)");
        var pv = new TextTable(("Category", false), ("Present value", true));
        foreach (var category in Enum.GetValues<CostCategory>())
        {
            var usd = result.Costs.Category(category);
            if (usd != 0)
                pv.Add(category.ToString(), TextTable.Number(usd));
        }

        pv.Add("Total", TextTable.Number(result.Costs.Total));
        pv.WriteTo(writer);

        writer.WriteLine();
        writer.WriteLine("Periods");
        var periods = new TextTable(("Period", false), ("Years", false), ("In service", false), ("t/yr", true), ("Operating USD/yr", true), ("USD/t", true), ("PV factor", true));
        foreach (var p in result.Periods)
        {
            periods.Add(p.Id.Value, $"{p.StartYear}–{p.EndYear}", p.InService.IsEmpty ? "-" : string.Join(", ", p.InService.Select(o => o.Value)),
                TextTable.Number(p.TonnesPerYear), TextTable.Number(p.YearlyCosts.Lines.Where(l => l.Category != CostCategory.Revenue).Sum(l => l.UsdPerYear)),
                p.OperatingUsdPerTonne is { } perTonne ? TextTable.Number(perTonne, 2) : "-", TextTable.Number(p.PresentValueFactor, 3));
        }

        periods.WriteTo(writer);
        foreach (var p in result.Periods)
        {
            writer.WriteLine();
            writer.WriteLine($"== Period {p.Id} ({p.StartYear}–{p.EndYear}) ==");
            var view = result with { Routes = p.Routes, Bottlenecks = p.Bottlenecks, Unshipped = p.Unshipped, Prices = p.Prices };
            WriteRoutes(view, writer);
            WriteBottlenecks(view, writer);
            WriteUnshipped(view, writer);
            WritePrices(view, writer);
        }
    }

    /// <summary>"2028: upgrade Rohri–Nokkundi. 2034: upgrade Karachi–Rohri, build Pasni." — the plan in one line.</summary>
    public static string ScheduleSentence(OptimisationResult result, NetworkSnapshot network)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(network);
        if (result.Schedule.IsDefaultOrEmpty)
            return $"No option enters service between {network.Periods[0].StartYear} and {network.HorizonEndYear - 1}.";
        return string.Join(" ", result.Schedule.GroupBy(b => b.ServiceYear).Select(g => $"{g.Key}: {string.Join(", ", g.Select(b => b.Name))}."));
    }

    private static void WriteDiagnosis(OptimisationResult result, TextWriter writer)
    {
        if (result.Diagnosis is not { } diagnosis)
            return;
        writer.WriteLine();
        writer.WriteLine("Why it is infeasible");
        foreach (var sentence in diagnosis.Conflicts)
            writer.WriteLine($"  - {sentence}");
    }

    private static void WritePrices(OptimisationResult result, TextWriter writer)
    {
        if (result.Prices is not { } prices)
            return;
        writer.WriteLine();
        writer.WriteLine("Prices (USD per tonne)");
        writer.WriteLine($"  {prices.Note}");
        writer.WriteLine();
        writer.WriteLine("  Binding capacities: USD/yr saved per extra t/yr of capacity");
        if (prices.Capacities.IsEmpty)
        {
            writer.WriteLine("    (none binding)");
        }
        else
        {
            var table = new TextTable(("Kind", false), ("Element", false), ("Direction", false), ("Capacity t/yr", true), ("Value", true));
            foreach (var c in prices.Capacities)
            {
                table.Add(c.Kind.ToString(), c.ElementId, c.Direction?.ToString() ?? (c.Kind == BottleneckKind.Link ? "shared" : "-"),
                    TextTable.Number(c.CapacityTpy), TextTable.Number(c.ValueUsdPerTonne, 2));
            }

            table.WriteTo(writer, "    ");
        }

        writer.WriteLine();
        writer.WriteLine("  Markets: marginal delivered cost of one more tonne (delivery dual + cheapest shipping mine's gate price)");
        var markets = new TextTable(("Commodity", false), ("Market", false), ("Delivered cost", true), ("Delivery dual", true));
        foreach (var m in prices.Markets)
            markets.Add(m.Commodity.Value, m.Market.Value, m.MarginalDeliveredCostUsdPerTonne is { } d ? TextTable.Number(d, 2) : "-", TextTable.Number(m.DeliveryDualUsdPerTonne, 2));
        markets.WriteTo(writer, "    ");

        writer.WriteLine();
        writer.WriteLine("  Mine gates: USD/yr added per extra t/yr of output");
        var gates = new TextTable(("Mine", false), ("Commodity", false), ("Gate price", true));
        foreach (var g in prices.MineGates)
            gates.Add(g.Mine.Value, g.Commodity.Value, TextTable.Number(g.UsdPerTonne, 2));
        gates.WriteTo(writer, "    ");
    }

    private static void WriteBuilds(OptimisationResult result, TextWriter writer)
    {
        writer.WriteLine();
        writer.WriteLine("Builds");
        if (result.Builds.IsEmpty)
        {
            writer.WriteLine("  (no investment options)");
            return;
        }

        var table = new TextTable(("Option", false), ("Built", false), ("Decision", false), ("Capex USD", true), ("Annualised USD/yr", true), ("O&M USD/yr", true));
        foreach (var b in result.Builds)
            table.Add(b.Id.Value, b.Built ? "yes" : "no", b.Decision.ToString(), TextTable.Number(b.CapexUsd), TextTable.Number(b.AnnualisedCapexUsd), TextTable.Number(b.FixedOmUsd));
        table.WriteTo(writer);
    }

    private static void WriteRoutes(OptimisationResult result, TextWriter writer)
    {
        writer.WriteLine();
        writer.WriteLine("Routes (USD per tonne)");
        if (result.Routes.IsEmpty)
        {
            writer.WriteLine("  (nothing shipped)");
            return;
        }

        var table = new TextTable(("Commodity", false), ("Mine", false), ("Market", false), ("Port", false), ("t/yr", true), ("Days", true),
            ("Transport", true), ("Handling", true), ("Tranship", true), ("Capital", true), ("Risk", true), ("Operating", true), ("Capex share", true), ("Total", true));
        foreach (var r in result.Routes)
        {
            var c = r.PerTonneCost;
            table.Add(r.Commodity.Value, r.Mine.Value, r.Market.Value, r.Port?.Value ?? "-", TextTable.Number(r.TonnesPerYear), TextTable.Number(r.TransitDays, 1),
                TextTable.Number(c.Transport, 2), TextTable.Number(c.Handling, 2), TextTable.Number(c.Transhipment, 2), TextTable.Number(c.InTransitCapital, 2),
                TextTable.Number(c.Risk, 2), TextTable.Number(c.Operating, 2), TextTable.Number(c.CapexShare, 2), TextTable.Number(c.Total, 2));
        }

        table.WriteTo(writer);
        writer.WriteLine("  Operating = transport + handling + transhipment + capital in transit + risk: what moving a tonne costs.");
        writer.WriteLine("  Capex share = each built option's annualised capex and O&M divided by all tonnes on routes using what it");
        writer.WriteLine("  builds or expands: an allocation, which vanishes when a route leaves the option while the capex is still paid.");

        // Paths are long, so they go below the table, one per route in the table's order, rather than in a column.
        writer.WriteLine();
        for (var i = 0; i < result.Routes.Length; i++)
            writer.WriteLine($"  {i + 1}. {Path(result.Routes[i])}");
    }

    /// <summary>Places with the mode of each leg: <c>a → b (road) → c (rail)</c>; the JSON result names the links.</summary>
    private static string Path(RouteResult route)
    {
        var parts = new List<string> { route.Mine.Value };
        foreach (var leg in route.Links)
            parts.Add($"{leg.To} ({ModeName(leg.Mode)})");
        return string.Join(" → ", parts);
    }

    private static string ModeName(Network.Model.TransportMode mode) => mode.ToString().ToLowerInvariant();

    private static void WriteBottlenecks(OptimisationResult result, TextWriter writer)
    {
        writer.WriteLine();
        writer.WriteLine("Bottlenecks (capacity used >= 99.9%)");
        if (result.Bottlenecks.IsEmpty)
        {
            writer.WriteLine("  (none)");
            return;
        }

        var table = new TextTable(("Kind", false), ("Element", false), ("Direction", false), ("Used t/yr", true), ("Capacity t/yr", true), ("Use", true));
        foreach (var b in result.Bottlenecks)
        {
            table.Add(b.Kind.ToString(), b.ElementId, b.Direction?.ToString() ?? (b.Kind == BottleneckKind.Link ? "shared" : "-"),
                TextTable.Number(b.UsedTpy), TextTable.Number(b.CapacityTpy), TextTable.Percent(b.Utilisation));
        }

        table.WriteTo(writer);
    }

    private static void WriteCosts(OptimisationResult result, TextWriter writer)
    {
        writer.WriteLine();
        writer.WriteLine("Cost breakdown (USD/yr)");
        var buckets = result.Costs.Lines.Select(l => l.Bucket).Distinct().OrderBy(b => b == CostBreakdown.SharedBucket ? 1 : 0).ThenBy(b => b, StringComparer.Ordinal).ToList();
        var columns = new List<(string, bool)> { ("Category", false) };
        columns.AddRange(buckets.Select(b => (b, true)));
        columns.Add(("Total", true));
        var table = new TextTable([.. columns]);
        foreach (var category in Enum.GetValues<CostCategory>())
        {
            var lines = result.Costs.Lines.Where(l => l.Category == category).ToList();
            if (lines.Count == 0)
                continue;
            var cells = new List<string> { category.ToString() };
            cells.AddRange(buckets.Select(b => lines.Where(l => l.Bucket == b).Sum(l => l.UsdPerYear)).Select(v => v == 0 ? "-" : TextTable.Number(v)));
            cells.Add(TextTable.Number(lines.Sum(l => l.UsdPerYear)));
            table.Add([.. cells]);
        }

        var totals = new List<string> { "Total" };
        totals.AddRange(buckets.Select(b => TextTable.Number(result.Costs.Bucket(b))));
        totals.Add(TextTable.Number(result.Costs.Total));
        table.Add([.. totals]);
        table.WriteTo(writer);
    }

    private static void WriteUnshipped(OptimisationResult result, TextWriter writer)
    {
        var unshipped = result.Unshipped.Where(u => u.TonnesPerYear > 0).ToList();
        if (unshipped.Count == 0)
            return;
        writer.WriteLine();
        writer.WriteLine("Unshipped output");
        var table = new TextTable(("Mine", false), ("Commodity", false), ("Unshipped t/yr", true), ("Supply t/yr", true));
        foreach (var u in unshipped)
            table.Add(u.Mine.Value, u.Commodity.Value, TextTable.Number(u.TonnesPerYear), TextTable.Number(u.SupplyTpy));
        table.WriteTo(writer);
    }
}
