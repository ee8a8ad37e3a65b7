using System.Collections.Immutable;
using System.Globalization;

using Logistics.Analysis;
using Logistics.Network.Diagnostics;
using Logistics.Network.Model;
using Logistics.Optimisation;
using Logistics.Presentation;
using Logistics.Reports.Document;
using Logistics.Reports.Graphics;

namespace Logistics.Reports.Content;

/// <summary>
/// Turns a <see cref="ReportModel"/> into the report's sections: the summary in words first (what to build, which
/// routes, what it costs, what the options are worth, the worst single failure), then the map, the tables, the
/// charts, the run manifest and the assumptions appendix.
/// </summary>
internal static class ReportComposer
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public static ReportDocument Compose(ReportModel model, ReportStatus status)
    {
        var names = new Names(model.Network);
        // A plan over time answers in time (schedule, timeline, one section per period); a one-period plan as always.
        var sections = model.Base.IsPlanOverTime
            ? PlanOverTimeSections.Compose(model, status, names)
            : new List<ReportSection>
            {
                SummarySection(model, status, names),
                BuildsSection(model, names),
                RoutesSection(model, names),
                UtilisationSection(model, names),
                CostsSection(model),
                PricesSection(model),
            };
        // After the answer (the schedule stays the first thing read), before the bullets.
        var lead = sections[0].Blocks.IndexOf(sections[0].Blocks.FirstOrDefault(b => b is Paragraph { Style: ParagraphStyle.Lead })!);
        sections[0] = sections[0] with { Blocks = sections[0].Blocks.InsertRange(lead + 1, SubjectNotes(model)) };
        if (model.Comparison is not null) sections.Add(ScenariosSection(model, model.Comparison, names));
        else if (model.Base.Diagnosis is not null || !model.Base.HasSolution) sections.Add(DiagnosisOnly(model));
        // A plan over time's analyses answer in present values with years (value with timing, outages in a window).
        if (model.Values is not null) sections.Add(model.Values.Timeline is { } timeline ? TimedAnalysisSections.Values(model.Values, timeline) : ValuesSection(model.Values));
        if (model.Resilience is not null) sections.Add(model.Resilience.Window is { } window ? TimedAnalysisSections.Resilience(model.Resilience, window) : ResilienceSection(model.Resilience));
        if (!model.Sweeps.IsEmpty) sections.Add(SweepsSection(model.Sweeps, names));
        sections.Add(ManifestSection(model, status));
        sections.Add(AssumptionsSection(model));
        var title = $"{model.Network.Metadata.Name}: logistics report" + (model.Manifest.Scenario is { } s ? $", scenario {s}" : "");
        var money = model.Base.IsPlanOverTime
            ? $"money in {model.Network.Metadata.BaseYear.ToString(Inv)} USD, present values at {Fmt.Percent(model.Network.Metadata.DiscountRate)} real"
            : "money in USD per year";
        var subtitle = $"{model.Manifest.NetworkFile}{(model.Manifest.Scenario is { } id ? $" · scenario {id}" : "")}{RunAt(model.Manifest, " · ")} · base year {model.Network.Metadata.BaseYear.ToString(Inv)} · {money}";
        return new ReportDocument(title, subtitle, [.. sections]);
    }

    /// <summary>Said before the answer: which scenario the report is of, and analyses that could not run on this network.</summary>
    private static IEnumerable<ReportBlock> SubjectNotes(ReportModel model)
    {
        if (model.Manifest.Scenario is { } id)
        {
            var scenario = model.Network.Scenarios.FirstOrDefault(s => s.Id.Value == id);
            var about = scenario is null ? "" : $" ({scenario.Name}{(scenario.Description.Length > 0 ? ": " + scenario.Description : "")})";
            yield return new Paragraph($"This report is of scenario {id}{about}. Its changes are applied before anything is solved: the plan, the maps, the tables and every analysis below are the scenario's, and \"base\" in them means this scenario's plan. The scenario comparison, where it ran, still lists the file's base and its other scenarios.", ParagraphStyle.Note);
        }

        foreach (var (analysis, reason) in model.Skipped)
            yield return new Paragraph($"The {analysis.Name()} analysis was asked for but not run: {reason}", ParagraphStyle.Note);
    }

    public static ReportDocument ComposeInvalid(RunManifest manifest, ImmutableArray<Diagnostic> diagnostics)
    {
        var errors = diagnostics.Count(d => d.Severity == Severity.Error);
        var blocks = new List<ReportBlock>
        {
            new Paragraph($"The network file {manifest.NetworkFile} is invalid: {errors} error(s) and {diagnostics.Length - errors} warning(s). Nothing was solved. Fix the errors below (each gives the file, line and column) and run the report again.", ParagraphStyle.Warning),
            DiagnosticsTable(diagnostics),
        };
        var sections = new List<ReportSection>
        {
            new("summary", "Invalid input", [.. blocks]),
            new("manifest", "Run manifest", [ManifestTable(manifest, "invalid input")]),
        };
        return new ReportDocument($"{manifest.NetworkFile}: invalid network file", manifest.IncludeTimings ? RunAt(manifest, "") : "invalid input", [.. sections]);
    }

    /// <summary>"run 2026-01-15 09:30 UTC" after <paramref name="separator"/>; nothing when the bundle leaves run times out (byte-identical output).</summary>
    private static string RunAt(RunManifest manifest, string separator) =>
        manifest.IncludeTimings ? $"{separator}run {manifest.StartedAt.ToString("yyyy-MM-dd HH:mm 'UTC'", Inv)}" : "";

    private static Table DiagnosticsTable(IEnumerable<Diagnostic> diagnostics) => Table.Of(
        "Diagnostics",
        [new("Severity"), new("Code"), new("File"), new("Line", ColumnAlign.Right), new("Column", ColumnAlign.Right), new("Where"), new("Problem"), new("How to fix")],
        diagnostics.Select(d => new[]
        {
            d.Severity.ToString().ToLowerInvariant(), d.Code, d.File ?? "", d.Line?.ToString(Inv) ?? "", d.Column?.ToString(Inv) ?? "", d.Path, d.Message, d.Hint ?? "",
        }));

    private static ReportSection SummarySection(ReportModel model, ReportStatus status, Names names)
    {
        var blocks = new List<ReportBlock>();
        var result = model.Base;
        if (status == ReportStatus.TimedOut)
            blocks.Add(new Paragraph(TimedOutSentence(model), ParagraphStyle.Warning));
        if (!result.HasSolution)
        {
            blocks.Add(new Paragraph($"The base network has no solution, so there is no plan to show. The solver says: {result.StatusMessage}", ParagraphStyle.Warning));
        }

        if (result.HasSolution)
            blocks.Add(new Paragraph(Answer(model, names), ParagraphStyle.Lead));
        var bullets = new List<string>();
        if (result.HasSolution)
        {
            var built = result.Builds.Where(b => b.Built).ToList();
            bullets.Add(built.Count == 0
                ? "Build nothing: the existing network carries all the cargo at least cost."
                : $"Build {Join(built.Select(b => $"{b.Name} ({b.Id})"))}: {Fmt.Money(built.Sum(b => b.CapexUsd))} of capital, {Fmt.UsdPerYear(built.Sum(b => b.AnnualisedCapexUsd + b.FixedOmUsd))} once annualised at {Fmt.Percent(model.Network.Metadata.DiscountRate)} with O&M.");
            foreach (var route in result.Routes.OrderByDescending(r => r.TonnesPerYear).ThenBy(r => r.Commodity).Take(3))
            {
                bullets.Add($"{Fmt.TonnesPerYear(route.TonnesPerYear)} of {names.Commodity(route.Commodity)} from {names.Node(route.Mine)} to {names.Node(route.Market)}: {Legs(route, names)}; {Fmt.UsdPerTonne(route.PerTonneCost.Total)} USD/t, {Fmt.Days(route.TransitDays)} days.");
            }

            var categories = Enum.GetValues<CostCategory>().Select(c => (Category: c, Usd: result.Costs.Category(c))).Where(c => Math.Abs(c.Usd) > 0.5).OrderByDescending(c => Math.Abs(c.Usd)).ToList();
            bullets.Add($"It costs {Fmt.UsdPerYear(result.Objective!.Value)} in all: {Join(categories.Select(c => $"{Words.CategoryInSentence(c.Category)} {Fmt.Money(c.Usd)}"))}.");
        }

        if (model.Values is { } values && OptionOfInterest(values, model.Network) is { } valuation)
            bullets.Add(ValueSentence(valuation, model.Network));
        if (model.Resilience is { Outages.IsEmpty: false } resilience)
            bullets.Add(RiskSentence(resilience.Outages[0]));
        if (model.Comparison is { } comparison && comparison.Outcomes.Length > 1)
            bullets.Add(ScenarioSentence(comparison));
        foreach (var sweep in model.Sweeps)
        {
            bullets.Add(sweep.SwitchingPoints.IsEmpty
                ? $"Varying {sweep.Path} from {Fmt.Number(sweep.From)} to {Fmt.Number(sweep.To)} does not change what to build."
                : $"Varying {sweep.Path} from {Fmt.Number(sweep.From)} to {Fmt.Number(sweep.To)} changes what to build at {Join(sweep.SwitchingPoints.Select(p => $"{Fmt.Number(p.Estimate)} ({JoinIds(p.BuiltBelow)} below, {JoinIds(p.BuiltAbove)} above)"))}.");
        }

        if (result.Bottlenecks.Length > 0)
            bullets.Add($"Full to capacity in the base plan: {Join(result.Bottlenecks.Select(b => names.Element(b.ElementId)))}.");
        blocks.Add(new BulletList([.. bullets]));
        blocks.Add(new Paragraph("Figures are per year at the base year's prices; capital is annualised over each asset's life at the network's discount rate. Every input figure and its source is listed in the assumptions appendix.", ParagraphStyle.Note));
        blocks.Add(new Figure("map.svg", "The base plan on a map: line width shows tonnes per year, colour how full each link is, dashes the mode; gold marks what the plan builds or expands; arrows point the way cargo moves. Sea legs run to the map edge towards their market.",
            NetworkMap.Render(model.Network, result, $"{model.Network.Metadata.Name}: base plan")));
        return new ReportSection("summary", "Summary", [.. blocks]);
    }

    /// <summary>The answer in one breath: what to build, where the cargo goes, what it costs, and whether the option in question pays.</summary>
    private static string Answer(ReportModel model, Names names)
    {
        var result = model.Base;
        var built = result.Builds.Where(b => b.Built).Select(b => b.Name).ToList();
        var build = built.Count == 0 ? "Build nothing new" : $"Build {Join(built)}";
        var throughput = result.PortFlows.Sum(p => p.ThroughputTpy);
        var ports = result.PortFlows.Where(p => p.ThroughputTpy > 0).OrderByDescending(p => p.ThroughputTpy).ThenBy(p => p.Port).ToList();
        var via = ports.Count == 0 ? "" : ports.Count == 1
            ? $"; all exports leave through {names.Node(ports[0].Port)}"
            : $"; exports leave through {Join(ports.Select(p => $"{names.Node(p.Port)} ({Fmt.Percent(p.ThroughputTpy / throughput)})"))}";
        var revenue = -result.Costs.Category(CostCategory.Revenue);
        var answer = revenue > 0
            ? $"{build}{via}; the chain costs {Fmt.UsdPerYear(result.Objective!.Value + revenue)} and earns {Fmt.UsdPerYear(revenue)}, net {Fmt.UsdPerYear(result.Objective!.Value)}."
            : $"{build}{via}; the whole chain costs {Fmt.UsdPerYear(result.Objective!.Value)}.";
        if (model.Values is { } values && OptionOfInterest(values, model.Network) is { AnnualSavingUsd: { } saving } v)
        {
            var others = v.Valued.Where(o => o != v.Option).Select(o => model.Network.Option(o).Name).ToList();
            var name = model.Network.Option(v.Option).Name + (others.Count > 0 ? $", with the {Join(others)} it requires," : "");
            answer += saving >= 0
                ? $" {name} pays: it saves {Fmt.UsdPerYear(saving)}."
                : v.BreakEvenCapexUsd is > 0
                    ? $" {name} does not pay at its estimated cost: it would have to cost under {Fmt.Money(v.BreakEvenCapexUsd.Value)} in all instead of {Fmt.Money(v.CapexUsd)}."
                    : $" {name} does not pay even at zero capex.";
        }

        return answer;
    }

    internal static string TimedOutSentence(ReportModel model)
    {
        // A plan over time's objective is a present value, not a cost per year.
        static string Money(OptimisationResult r, double usd) => r.IsPlanOverTime ? $"{Fmt.Money(usd)} present value" : Fmt.UsdPerYear(usd);
        var parts = model.Variants().Where(v => v.Result.Status is SolveStatus.Feasible or SolveStatus.NoSolution).Select(v => v.Result.Status == SolveStatus.Feasible
            ? v.Result.BestBound is { } bound
                ? $"{v.Scenario}: best solution {Money(v.Result, v.Result.Objective!.Value)}, within {Fmt.Gap(v.Result.RelativeGap)} of the best bound {Money(v.Result, bound)}"
                : $"{v.Scenario}: best solution {Money(v.Result, v.Result.Objective!.Value)}, no bound proven yet (gap unknown)"
            : $"{v.Scenario}: no solution was found before the time limit");
        return $"A solve hit its time limit, so not every answer is proven optimal. {string.Join("; ", parts)}.";
    }

    /// <summary>The Pasni package when the network has one (the question planners ask), else the unbuilt option closest to paying.</summary>
    private static OptionValuation? OptionOfInterest(ValueReport values, NetworkSnapshot network)
    {
        var rows = values.Valuations.Where(v => v.AnnualSavingUsd is not null).ToList();
        var pasni = rows.Where(v => v.Option.Value.Contains("pasni", StringComparison.OrdinalIgnoreCase) || network.Option(v.Option).Name.Contains("Pasni", StringComparison.OrdinalIgnoreCase)).ToList();
        var candidates = pasni.Count > 0 ? pasni : rows.Where(v => !v.BuiltInOptimum).ToList();
        // A bundle (the option with what it requires) is what one could actually decide to build.
        return candidates.OrderBy(v => v.Kind == ValuationKind.Bundle ? 0 : v.Kind == ValuationKind.Single ? 1 : 2).ThenByDescending(v => v.AnnualSavingUsd).FirstOrDefault();
    }

    private static string ValueSentence(OptionValuation v, NetworkSnapshot network)
    {
        var what = v.Kind == ValuationKind.Bundle ? $"{network.Option(v.Option).Name} with what it requires ({v.Label})" : $"{network.Option(v.Option).Name} ({v.Label})";
        var saving = v.AnnualSavingUsd!.Value;
        var verdict = saving >= 0
            ? $"saves {Fmt.UsdPerYear(saving)} against not building it, capital included"
            : $"costs {Fmt.UsdPerYear(-saving)} more than not building it, capital included";
        var breakEven = v.BreakEvenCapexUsd is { } be
            ? be > 0 ? $"; it would pay at a capex below {Fmt.Money(be)} (estimate {Fmt.Money(v.CapexUsd)})" : "; it does not pay even at zero capex"
            : "";
        var npv = v.NpvUsd is { } n ? $"; NPV {Fmt.Money(n)}" : "";
        return $"{what} {verdict}{npv}{breakEven}.";
    }

    private static string RiskSentence(Outage worst)
    {
        var op = worst.Operational;
        // With cargo left behind the plan is cheaper but worse: say what cannot ship, not a misleading saving.
        var damage = op.UnshippedTonnes > 0
            ? $"leaves {Fmt.TonnesPerYear(op.UnshippedTonnes)} unable to ship with the planned builds"
            : op.ExtraAnnualCostUsd is { } extra ? $"adds {Fmt.UsdPerYear(extra)} with the planned builds (cargo re-routes)"
            : $"leaves the planned network without a solution ({Words.Status(op.Status)})";
        var strategic = worst.Strategic.ExtraAnnualCostUsd is { } s
            ? worst.Strategic.UnshippedTonnes > 0
                ? $"; even re-planning the builds, {Fmt.TonnesPerYear(worst.Strategic.UnshippedTonnes)} cannot ship"
                : $"; re-planning the builds ({JoinIds(worst.Strategic.Built)}) would keep everything moving for {Fmt.SignedMillions(s)} M USD/yr"
            : "";
        return $"Biggest single-failure risk: losing {worst.Name} ({worst.Kind.ToString().ToLowerInvariant()}) {damage}{strategic}.";
    }

    private static string ScenarioSentence(ComparisonReport comparison)
    {
        var solved = comparison.Outcomes.Where(o => o.HasSolution).ToList();
        var others = comparison.Outcomes.Skip(1).ToList();
        var sentence = $"{others.Count} scenario(s) compared";
        if (solved.Count > 0)
        {
            var min = solved.OrderBy(o => o.AnnualCostUsd).First();
            var max = solved.OrderByDescending(o => o.AnnualCostUsd).First();
            sentence += $": the yearly cost runs from {Fmt.UsdPerYear(min.AnnualCostUsd!.Value)} ({min.Scenario ?? "base"}) to {Fmt.UsdPerYear(max.AnnualCostUsd!.Value)} ({max.Scenario ?? "base"})";
        }

        var changed = others.Where(o => o.HasSolution && (!o.BuildsAdded.IsEmpty || !o.BuildsRemoved.IsEmpty)).Select(o => o.Scenario!).ToList();
        sentence += changed.Count == 0 ? "; the builds are the same in every solved scenario" : $"; the builds change in {Join(changed)}";
        var unsolved = others.Where(o => !o.HasSolution).Select(o => o.Scenario!).ToList();
        if (unsolved.Count > 0)
            sentence += $"; no solution in {Join(unsolved)} (see the diagnosis)";
        return sentence + ".";
    }

    private static ReportSection BuildsSection(ReportModel model, Names names)
    {
        var table = Table.Of(
            "Investment options (base)",
            [new("Option"), new("Name"), new("Built"), new("Decision"), new("Capex M USD", ColumnAlign.Right), new("Annualised capex M USD/yr", ColumnAlign.Right), new("O&M M USD/yr", ColumnAlign.Right), new("Life (yr)", ColumnAlign.Right), new("What it adds")],
            model.Base.Builds.Select(b => new[]
            {
                b.Id.Value, b.Name, b.Built ? "yes" : "no", Words.Decision(b.Decision), Fmt.Millions(b.CapexUsd), Fmt.Millions(b.AnnualisedCapexUsd), Fmt.Millions(b.FixedOmUsd), b.LifetimeYears.ToString(Inv),
                string.Join("; ", b.LinksBuilt.Select(l => $"new link {l}").Concat(b.CapacityAdds.Select(c => $"+{Fmt.Tonnes(c.AddedTpy)} t/yr at {c.Link?.Value ?? c.Port?.Value}"))),
            }));
        return new ReportSection("builds", "Builds", [table]);
    }

    private static ReportSection RoutesSection(ReportModel model, Names names)
    {
        var table = Table.Of(
            "Routes of the base plan, cost per tonne by category (USD/t)",
            [new("Commodity"), new("From"), new("To"), new("Port"), new("t/yr", ColumnAlign.Right), new("Days", ColumnAlign.Right), new("Transport", ColumnAlign.Right), new("Handling", ColumnAlign.Right), new("Transhipment", ColumnAlign.Right), new("Capital in transit", ColumnAlign.Right), new("Risk", ColumnAlign.Right), new("Operating", ColumnAlign.Right), new("Capex share", ColumnAlign.Right), new("Total", ColumnAlign.Right), new("Legs")],
            model.Base.Routes.Select(r => new[]
            {
                r.Commodity.Value, r.Mine.Value, r.Market.Value, r.Port?.Value ?? "", Fmt.Tonnes(r.TonnesPerYear), Fmt.Days(r.TransitDays),
                Fmt.UsdPerTonne(r.PerTonneCost.Transport), Fmt.UsdPerTonne(r.PerTonneCost.Handling), Fmt.UsdPerTonne(r.PerTonneCost.Transhipment),
                Fmt.UsdPerTonne(r.PerTonneCost.InTransitCapital), Fmt.UsdPerTonne(r.PerTonneCost.Risk), Fmt.UsdPerTonne(r.PerTonneCost.Operating), Fmt.UsdPerTonne(r.PerTonneCost.CapexShare), Fmt.UsdPerTonne(r.PerTonneCost.Total),
                Legs(r, names),
            }));
        var blocks = new List<ReportBlock>
        {
            table,
            new Paragraph("Operating = transport + handling + transhipment + capital in transit + risk: what moving a tonne on the route costs. Capex share = each built option's annualised capex and O&M divided by all tonnes on routes that use a link or port it builds or expands: an allocation, not a cost of the tonne. A route that moves off a built line stops carrying a share although the capex is still paid, so compare routes by their operating cost.", ParagraphStyle.Note),
        };
        if (!model.Base.Unshipped.IsEmpty)
        {
            blocks.Add(Table.Of("Output left unshipped", [new("Mine"), new("Commodity"), new("t/yr", ColumnAlign.Right), new("Supply t/yr", ColumnAlign.Right)],
                model.Base.Unshipped.Select(u => new[] { u.Mine.Value, u.Commodity.Value, Fmt.Tonnes(u.TonnesPerYear), Fmt.Tonnes(u.SupplyTpy) })));
        }

        blocks.Add(new Paragraph("Capex share spreads each built option's annualised capex and O&M over the tonnes that use what it builds or expands (docs/model.md).", ParagraphStyle.Note));
        return new ReportSection("routes", "Routes", [.. blocks]);
    }

    private static ReportSection UtilisationSection(ReportModel model, Names names)
    {
        var result = model.Base;
        var links = Table.Of(
            "Links carrying cargo (base)",
            [new("Link"), new("Mode"), new("From"), new("To"), new("t/yr", ColumnAlign.Right), new("Capacity t/yr", ColumnAlign.Right), new("Used", ColumnAlign.Right)],
            result.LinkFlows.Where(f => f.TotalTpy > 0).Select(f => new[]
            {
                f.Link.Value, Words.Mode(f.Mode), f.From.Value, f.To.Value, Fmt.Tonnes(f.TotalTpy), f.CapacityTpy is { } c ? Fmt.Tonnes(c) : "unlimited", Fmt.Percent(f.Utilisation),
            }));
        var ports = Table.Of(
            "Ports",
            [new("Port"), new("Name"), new("Throughput t/yr", ColumnAlign.Right), new("Capacity t/yr", ColumnAlign.Right), new("Used", ColumnAlign.Right)],
            result.PortFlows.Select(p => new[] { p.Port.Value, names.Node(p.Port), Fmt.Tonnes(p.ThroughputTpy), p.CapacityTpy is { } c ? Fmt.Tonnes(c) : "unlimited", Fmt.Percent(p.Utilisation) }));
        var bottlenecks = Table.Of(
            "Bottlenecks (used to 99.9% or more)",
            [new("Kind"), new("Element"), new("Direction"), new("Used t/yr", ColumnAlign.Right), new("Capacity t/yr", ColumnAlign.Right)],
            result.Bottlenecks.Select(b => new[] { b.Kind.ToString().ToLowerInvariant(), b.ElementId, b.Direction?.ToString().ToLowerInvariant() ?? (b.Kind == BottleneckKind.Link ? "shared" : ""), Fmt.Tonnes(b.UsedTpy), Fmt.Tonnes(b.CapacityTpy) }));
        return new ReportSection("utilisation", "Utilisation and bottlenecks", [links, ports, bottlenecks]);
    }

    private static ReportSection CostsSection(ReportModel model)
    {
        var result = model.Base;
        var blocks = new List<ReportBlock>();
        if (!result.HasSolution)
        {
            blocks.Add(new Paragraph("No cost breakdown: the base has no solution.", ParagraphStyle.Warning));
            return new ReportSection("costs", "Costs", [.. blocks]);
        }

        var buckets = result.Costs.Lines.Select(l => l.Bucket).Distinct().Order(StringComparer.Ordinal).ToList();
        var categories = Enum.GetValues<CostCategory>().Where(c => result.Costs.Lines.Any(l => l.Category == c)).ToList();
        blocks.Add(Table.Of(
            "Cost breakdown (M USD/yr), by category and commodity",
            new[] { new TableColumn("Category") }.Concat(buckets.Select(b => new TableColumn(b, ColumnAlign.Right))).Append(new TableColumn("Total", ColumnAlign.Right)).Append(new TableColumn("Share", ColumnAlign.Right)),
            categories.Select(c => new[] { Words.Category(c) }
                .Concat(buckets.Select(b => Fmt.Millions(result.Costs.Lines.Where(l => l.Category == c && l.Bucket == b).Sum(l => l.UsdPerYear))))
                .Append(Fmt.Millions(result.Costs.Category(c)))
                .Append(Fmt.Percent(result.Costs.Category(c) / result.Costs.Total)))
            .Append(new[] { "Total" }.Concat(buckets.Select(b => Fmt.Millions(result.Costs.Bucket(b)))).Append(Fmt.Millions(result.Costs.Total)).Append("100.0%"))));
        blocks.Add(new Paragraph("The lines add up to the solver's objective; every solve checks this.", ParagraphStyle.Note));
        blocks.Add(new Figure("charts/cost-breakdown.svg", "Cost per year by category, base plan.", Charts.CostBreakdown(result)));
        return new ReportSection("costs", "Costs", [.. blocks]);
    }

    private static ReportSection PricesSection(ReportModel model)
    {
        if (model.Base.Prices is not { } prices)
            return new ReportSection("prices", "Shadow prices", [new Paragraph("This run has no shadow prices: the base has no solution, or the price re-solve failed (the status message says which).", ParagraphStyle.Note)]);
        var blocks = new List<ReportBlock>();
        if (prices.Note.Length > 0)
            blocks.Add(new Paragraph(prices.Note, ParagraphStyle.Note));
        blocks.Add(Table.Of("What one more tonne per year of a binding capacity is worth (USD/yr per t/yr)",
            [new("Kind"), new("Element"), new("Direction"), new("Capacity t/yr", ColumnAlign.Right), new("Used t/yr", ColumnAlign.Right), new("Value USD/t", ColumnAlign.Right)],
            prices.Capacities.Select(c => new[] { c.Kind.ToString().ToLowerInvariant(), c.ElementId, c.Direction?.ToString().ToLowerInvariant() ?? "", Fmt.Tonnes(c.CapacityTpy), Fmt.Tonnes(c.UsedTpy), Fmt.UsdPerTonne(c.ValueUsdPerTonne) })));
        blocks.Add(Table.Of("Marginal delivered cost by market (USD/t)",
            [new("Commodity"), new("Market"), new("Delivery dual", ColumnAlign.Right), new("Marginal delivered cost", ColumnAlign.Right)],
            prices.Markets.Select(m => new[] { m.Commodity.Value, m.Market.Value, Fmt.UsdPerTonne(m.DeliveryDualUsdPerTonne), m.MarginalDeliveredCostUsdPerTonne is { } c ? Fmt.UsdPerTonne(c) : "" })));
        blocks.Add(Table.Of("Mine gate prices: cost of one more tonne of output (USD/t)",
            [new("Mine"), new("Commodity"), new("USD/t", ColumnAlign.Right)],
            prices.MineGates.Select(g => new[] { g.Mine.Value, g.Commodity.Value, Fmt.UsdPerTonne(g.UsdPerTonne) })));
        if (prices.Capacities.IsEmpty && prices.Markets.IsEmpty && prices.MineGates.IsEmpty)
        {
            blocks.Add(Table.Of("Marginal value of each constraint (USD/yr per unit of its right-hand side)", [new("Constraint"), new("USD per unit", ColumnAlign.Right)],
                prices.Prices.Where(p => p.UsdPerUnit != 0).OrderBy(p => p.Constraint, StringComparer.Ordinal).Select(p => new[] { p.Constraint, Fmt.UsdPerTonne(p.UsdPerUnit) })));
        }

        return new ReportSection("prices", "Shadow prices", [.. blocks]);
    }

    internal static ReportSection ScenariosSection(ReportModel model, ComparisonReport comparison, Names names)
    {
        var blocks = new List<ReportBlock>
        {
            Table.Of(
                "Scenarios side by side",
                [new("Scenario"), new("Name"), new("Status"), new(CostHeading(model), ColumnAlign.Right), new("vs base", ColumnAlign.Right), new("Builds"), new("Added"), new("Removed")],
                comparison.Outcomes.Select(o => new[]
                {
                    o.Scenario ?? ReportModel.BaseId, o.Name, ResultJsonWriter.Name(o.Status), o.AnnualCostUsd is { } c ? Fmt.Millions(c) : "",
                    o.DeltaFromBaseUsd is { } d ? Fmt.SignedMillions(d) : "", JoinIds(o.Built), JoinIds(o.BuildsAdded), JoinIds(o.BuildsRemoved),
                })),
            Table.Of(
                "Port throughput by scenario (t/yr)",
                new[] { new TableColumn("Scenario") }.Concat(comparison.Ports.Select(p => new TableColumn(p.Value, ColumnAlign.Right))),
                comparison.Outcomes.Where(o => o.HasSolution).Select(o => new[] { o.Scenario ?? ReportModel.BaseId }.Concat(comparison.Ports.Select(p => Fmt.Tonnes(o.PortTonnes.FirstOrDefault(t => t.Port == p)?.TonnesPerYear ?? 0))))),
            Table.Of(
                "Delivered cost per tonne by scenario (USD/t, capex share included)",
                new[] { new TableColumn("Scenario") }.Concat(comparison.Commodities.Select(c => new TableColumn(c.Value, ColumnAlign.Right))),
                comparison.Outcomes.Where(o => o.HasSolution).Select(o => new[] { o.Scenario ?? ReportModel.BaseId }.Concat(comparison.Commodities.Select(c => o.CostPerTonne.FirstOrDefault(x => x.Commodity == c) is { } x ? Fmt.UsdPerTonne(x.UsdPerTonne) : "")))),
        };
        if (comparison.Outcomes.Any(o => o.HasSolution))
            blocks.Add(new Figure("charts/scenarios.svg", model.Base.IsPlanOverTime ? "Present value of each scenario's plan, stacked by cost line." : "Cost per year of each scenario, stacked by category.",
                Charts.ScenarioComparison(comparison, model.Base.IsPlanOverTime)));
        var descriptions = model.Network.Scenarios.Where(s => comparison.Outcomes.Any(o => o.Scenario == s.Id.Value) && s.Description.Length > 0).Select(s => $"{s.Id}: {s.Description}").ToList();
        if (descriptions.Count > 0)
            blocks.Add(new BulletList([.. descriptions]));
        blocks.AddRange(Diagnoses(model, comparison));
        return new ReportSection("scenarios", "Scenario comparison", [.. blocks]);
    }

    /// <summary>A plan over time's objective is a present value over the horizon, not a cost per year.</summary>
    private static string CostHeading(ReportModel model) => model.Base.IsPlanOverTime ? "Present value M USD" : "Cost M USD/yr";

    /// <summary>Why each variant without a solution has none: the analysis's penalised re-solve, and the optimiser's own diagnosis when it gives one.</summary>
    private static IEnumerable<ReportBlock> Diagnoses(ReportModel model, ComparisonReport comparison)
    {
        foreach (var outcome in comparison.Outcomes.Where(o => !o.HasSolution || o.Result?.Diagnosis is not null))
        {
            var id = outcome.Scenario ?? ReportModel.BaseId;
            yield return new Paragraph($"Diagnosis, {id} ({outcome.Name}): {Words.Status(outcome.Status)}. {outcome.StatusMessage}", ParagraphStyle.Warning);
            var lines = new List<string>();
            if (outcome.Diagnosis is { } d)
            {
                lines.AddRange(d.Problems);
                lines.AddRange(d.Unshipped.Select(u => $"{Fmt.TonnesPerYear(u.TonnesPerYear)} of {u.Commodity} from {u.Mine} cannot ship (of {Fmt.TonnesPerYear(u.SupplyTpy)})."));
            }

            if (outcome.Result?.Diagnosis is { } conflicts)
            {
                lines.AddRange(conflicts.Conflicts);
                if (conflicts.Method.Length > 0)
                    lines.Add($"How this was found: {conflicts.Method}");
            }
            if (lines.Count > 0)
                yield return new BulletList([.. lines]);
        }

        _ = model;
    }

    private static ReportSection DiagnosisOnly(ReportModel model)
    {
        var blocks = new List<ReportBlock> { new Paragraph($"Diagnosis, base: {Words.Status(model.Base.Status)}. {model.Base.StatusMessage}", ParagraphStyle.Warning) };
        if (model.Base.Diagnosis is { } d)
        {
            blocks.Add(new BulletList(d.Conflicts));
            if (d.Method.Length > 0)
                blocks.Add(new Paragraph(d.Method, ParagraphStyle.Note));
        }
        return new ReportSection("diagnosis", "Diagnosis", [.. blocks]);
    }

    private static ReportSection ValuesSection(ValueReport values)
    {
        var rows = values.Valuations;
        var blocks = new List<ReportBlock>
        {
            Table.Of(
                $"Value of each option: forced in against forced out (discount rate {Fmt.Percent(values.DiscountRate)}, horizon {values.HorizonYears.ToString(Inv)} years)",
                [new("Option"), new("Valued as"), new("Optimum builds"), .. ValueTerms.All.Select(t => new TableColumn(t.Heading, ColumnAlign.Right))],
                rows.Select(v => new[]
                {
                    v.Label, v.Kind switch { ValuationKind.Bundle => "with prerequisites", ValuationKind.GivenPrerequisites => "on top of prerequisites", _ => "alone" },
                    v.BuiltInOptimum ? "yes" : "no", Fmt.Millions(v.CapexUsd), Fmt.Millions(v.AnnualisedCapexUsd),
                    v.OperatingBenefitUsd is { } ob ? Fmt.SignedMillions(ob) : "", v.NetBenefitUsd is { } nb ? Fmt.SignedMillions(nb) : "",
                    v.AnnualSavingUsd is { } s ? Fmt.SignedMillions(s) : "", v.NpvUsd is { } n ? Fmt.SignedMillions(n) : "",
                    v.Irr is { } irr ? Fmt.Percent(irr) : "", v.PaybackYears is { } p ? Fmt.Number(Math.Round(p, 1)) : "", v.BreakEvenCapexUsd is { } be ? Fmt.Millions(be) : "",
                    v.BreakEvenOwnCapexUsd is { } own ? Fmt.Millions(own) : "",
                })),
            new Paragraph("Terms (the same in the command line's value table and docs/analyses.md): " + string.Join("; ", ValueTerms.All.Select(t => t.Legend)) + ".", ParagraphStyle.Note),
        };
        if (rows.Any(v => v.AnnualSavingUsd is not null))
            blocks.Add(new Figure("charts/option-values.svg", "Net yearly saving from building each option (forced in against forced out).", Charts.OptionValues(values)));
        blocks.Add(new BulletList([.. rows.Select(v => $"{v.Label}: {ValueSentences.Explain(v)}")]));
        return new ReportSection("values", "Option values", [.. blocks]);
    }

    private static ReportSection ResilienceSection(ResilienceReport resilience)
    {
        const int top = 10;
        var rows = resilience.Outages.Take(top).ToList();
        var blocks = new List<ReportBlock>
        {
            Table.Of(
                $"The {rows.Count} most harmful single failures (of {resilience.Outages.Length.ToString(Inv)} tried)",
                [new("Rank", ColumnAlign.Right), new("What fails"), new("Kind"), new("Extra cost, builds as planned M USD/yr", ColumnAlign.Right), new("Unshipped t/yr", ColumnAlign.Right), new("Extra cost, re-planned M USD/yr", ColumnAlign.Right), new("Re-planned builds")],
                rows.Select(o => new[]
                {
                    o.Rank.ToString(Inv), o.Name, o.Kind.ToString().ToLowerInvariant(), Extra(o.Operational), Fmt.Tonnes(o.Operational.UnshippedTonnes), Extra(o.Strategic), JoinIds(o.Strategic.Built),
                })),
            new Paragraph($"Builds as planned: the base plan's builds stay, cargo re-routes. Re-planned: the builds may change too. Failures are ranked by harm, where output that cannot ship is charged {Fmt.UsdPerTonne(resilience.PenaltyUsdPerTonne)} USD/t in the ranking, not in the costs shown.", ParagraphStyle.Note),
        };
        if (rows.Count > 0)
            blocks.Add(new Figure("charts/resilience.svg", "Extra cost per year of the worst single failures.", Charts.Resilience(resilience, top)));
        return new ReportSection("resilience", "Resilience: single failures", [.. blocks]);
    }

    /// <summary>The extra cost of an answer; when cargo is stranded the cost falls, which is no saving, so it is not shown as one.</summary>
    private static string Extra(OutageAnswer answer) =>
        answer.UnshippedTonnes > 0 ? $"cargo stranded ({Fmt.TonnesPerYear(answer.UnshippedTonnes)})"
        : answer.ExtraAnnualCostUsd is { } e ? Fmt.SignedMillions(e)
        : Words.Status(answer.Status);

    private static ReportSection SweepsSection(ImmutableArray<SweepReport> sweeps, Names names)
    {
        var blocks = new List<ReportBlock>();
        for (var i = 0; i < sweeps.Length; i++)
        {
            var sweep = sweeps[i];
            blocks.Add(Table.Of(
                $"Sweep of {sweep.Path}" + (sweep.Scenario is { } s ? $" (scenario {s})" : ""),
                [new("Value", ColumnAlign.Right), new("Status"), new("Cost M USD/yr", ColumnAlign.Right), new("Builds")],
                sweep.Points.Select(p => new[] { Fmt.Number(p.Value), ResultJsonWriter.Name(p.Status), p.ObjectiveUsd is { } c ? Fmt.Millions(c) : "", JoinIds(p.Built) })));
            blocks.Add(new BulletList(sweep.SwitchingPoints.IsEmpty
                ? [$"The builds do not change between {Fmt.Number(sweep.From)} and {Fmt.Number(sweep.To)}."]
                : [.. sweep.SwitchingPoints.Select(p => $"At {Fmt.Number(p.Estimate)} (between {Fmt.Number(p.Lower)} and {Fmt.Number(p.Upper)}) the builds switch from {JoinIds(p.BuiltBelow)} to {JoinIds(p.BuiltAbove)}.")]));
            if (sweep.Points.Any(p => p.ObjectiveUsd is not null))
                blocks.Add(new Figure($"charts/sweep-{(i + 1).ToString(Inv)}.svg", $"Cost per year as {sweep.Path} varies; dashed lines mark where the builds switch.", Charts.Sweep(sweep, i + 1)));
        }

        _ = names;
        return new ReportSection("sweeps", "Sweeps", [.. blocks]);
    }

    private static ReportSection ManifestSection(ReportModel model, ReportStatus status)
    {
        // The solve-time column only when the run's timings are wanted: without it the same input gives the same bytes.
        var timed = model.Manifest.IncludeTimings;
        TableColumn[] columns = [new("Variant"), new("Status"), new(model.Base.IsPlanOverTime ? "Objective M USD present value" : "Objective M USD/yr", ColumnAlign.Right), new("Gap"), new("Solver"), new("Variables", ColumnAlign.Right), new("Constraints", ColumnAlign.Right)];
        var solves = Table.Of(
            "Solves",
            timed ? [.. columns, new("Solve time", ColumnAlign.Right)] : columns,
            model.Variants().Select(v =>
            {
                string[] cells =
                [
                    v.Scenario, ResultJsonWriter.Name(v.Result.Status), v.Result.Objective is { } o ? Fmt.Millions(o) : "", Fmt.Gap(v.Result.RelativeGap),
                    SolverLabel(v.Result.Solver), v.Result.Solver.Variables.ToString(Inv), v.Result.Solver.Constraints.ToString(Inv),
                ];
                return timed ? [.. cells, Fmt.Seconds(v.Result.Solver.WallTime)] : cells;
            }));
        return new ReportSection("manifest", "Run manifest",
        [
            ManifestTable(model.Manifest, ResultJsonWriter.Name(status), model.Base.Solver),
            solves,
            new Paragraph("The input hash covers the network file, its scenario overlay files and every seeds file; the same hash and tool version give the same answers.", ParagraphStyle.Note),
        ]);
    }

    internal static Table ManifestTable(RunManifest m, string status, SolverRun? solver = null)
    {
        var rows = new List<string[]>
        {
            new[] { "Network file", m.NetworkFile },
            new[] { "Input hash (SHA-256)", m.InputHash.Length > 0 ? m.InputHash : "(file could not be read)" },
            new[] { "Input files", string.Join(", ", m.InputFiles) },
            new[] { "Tool version", $"logistics {m.ToolVersion}" },
        };
        if (solver is not null)
            rows.Add(["Solver", $"{SolverLabel(solver)}, OR-Tools {solver.OrToolsVersion}"]);
        rows.Add(["Status", status]);
        if (m.Scenario is { } subject)
            rows.Add(["Scenario reported on", subject]);
        rows.Add(["Scenarios", m.Scenarios.IsEmpty ? "(none)" : string.Join(", ", m.Scenarios)]);
        rows.Add(["Analyses", string.Join(", ", m.Analyses.Select(AnalysisKinds.Name))]);
        rows.Add(["Time limit per solve", m.SolveTimeLimit is { } t ? Fmt.Seconds(t) : "none"]);
        rows.Add(["Relative gap asked", m.RelativeGap is { } g ? Fmt.Gap(g) : $"default ({Fmt.Gap(SolverSettings.DefaultRelativeGap)})"]);
        if (m.IncludeTimings)
        {
            rows.Add(["Run at", m.StartedAt.ToString("yyyy-MM-dd HH:mm:ss 'UTC'", Inv)]);
            rows.Add(["Run time", Fmt.Seconds(m.Elapsed)]);
        }
        return Table.Of("Manifest", [new("Field"), new("Value")], rows);
    }

    /// <summary>"SCIP 10.0.0 [LP solver: SoPlex 8.0.0]": the backend's own version string, which usually starts with its name.</summary>
    private static string SolverLabel(SolverRun solver) =>
        solver.BackendVersion.Length == 0 ? solver.BackendName
        : solver.BackendVersion.StartsWith(solver.BackendName, StringComparison.OrdinalIgnoreCase) ? solver.BackendVersion
        : $"{solver.BackendName} {solver.BackendVersion}";

    private static ReportSection AssumptionsSection(ReportModel model)
    {
        var seeds = model.Seeds;
        var figures = Table.Of(
            $"Every figure the base network uses ({model.Network.Figures.Length.ToString(Inv)}), with its source",
            [new("Path"), new("Value", ColumnAlign.Right), new("Unit"), new("Seed"), new("Confidence"), new("Source"), new("Date"), new("URL")],
            model.Network.Figures.Select(f =>
            {
                var seed = f.Source is { } id && seeds.TryGet(id, out var s) ? s : null;
                return new[]
                {
                    f.Path, Fmt.Number(f.Value), f.Unit, f.Source?.Value ?? "(no source)", seed is null ? "" : Words.Confidence(seed.Confidence),
                    seed?.Source is { } c ? $"{c.Title}, {c.Publisher}" : seed is null ? "" : seed.Derived.Length > 0 ? $"derived: {seed.Derived}" : "assumption",
                    seed?.Source?.Date ?? "", seed?.Source?.Url ?? "",
                };
            })) with { Collapsed = true };
        var blocks = new List<ReportBlock>
        {
            new Paragraph("Scenarios change some of these figures; the scenario table and the network file say which. Confidence: H official or several consistent sources, M one credible source, L derived or weak, assumption: no source, with a range.", ParagraphStyle.Note),
            figures,
        };
        var cited = model.Network.Figures.Where(f => f.Source is not null).Select(f => f.Source!.Value).ToHashSet();
        var ranges = seeds.Seeds.Where(s => cited.Contains(s.Id) && (s.Low is not null || s.High is not null || s.Note.Length > 0)).ToList();
        if (ranges.Count > 0)
        {
            blocks.Add(Table.Of("Ranges and notes of the cited seeds", [new("Seed"), new("Value", ColumnAlign.Right), new("Low", ColumnAlign.Right), new("High", ColumnAlign.Right), new("Unit"), new("Note")],
                ranges.Select(s => new[] { s.Id.Value, s.Value is { } v ? Fmt.Number(v) : "", s.Low is { } l ? Fmt.Number(l) : "", s.High is { } h ? Fmt.Number(h) : "", s.Unit, s.Note })) with { Collapsed = true });
        }

        if (!model.Warnings.IsEmpty)
            blocks.Add(DiagnosticsTable(model.Warnings) with { Caption = "Validator warnings" });
        return new ReportSection("assumptions", "Appendix: assumptions", [.. blocks]);
    }

    /// <summary>"road to Nokkundi, rail to Port Qasim, sea to Shanghai": one phrase per stretch on one mode.</summary>
    internal static string Legs(RouteResult route, Names names)
    {
        var parts = new List<string>();
        for (var i = 0; i < route.Links.Length; i++)
        {
            if (i + 1 < route.Links.Length && route.Links[i + 1].Mode == route.Links[i].Mode)
                continue;
            parts.Add($"{Words.Mode(route.Links[i].Mode)} to {names.Node(route.Links[i].To)}");
        }

        return string.Join(", ", parts);
    }

    internal static string Join(IEnumerable<string> items)
    {
        var list = items.ToList();
        return list.Count switch
        {
            0 => "",
            1 => list[0],
            _ => string.Join(", ", list.Take(list.Count - 1)) + " and " + list[^1],
        };
    }

    internal static string JoinIds(ImmutableArray<OptionId> ids) => ids.IsDefaultOrEmpty ? "\u2013" : string.Join(", ", ids.Select(i => i.Value));

    /// <summary>Display names of network elements, falling back to the id.</summary>
    internal sealed class Names(NetworkSnapshot network)
    {
        public string Node(NodeId id) => network.TryGetNode(id, out var n) ? n.Name : id.Value;

        public string Commodity(CommodityId id) => network.Commodities.FirstOrDefault(c => c.Id == id)?.Name ?? id.Value;

        public string Element(string id) =>
            network.TryGetNode(new NodeId(id), out var n) ? n.Name : network.TryGetLink(new LinkId(id), out var l) ? l.Name : id;
    }
}
