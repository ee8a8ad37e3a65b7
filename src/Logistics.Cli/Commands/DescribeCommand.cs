using System.CommandLine;
using System.Globalization;

using Logistics.Network.Diagnostics;
using Logistics.Network.IO;
using Logistics.Network.Loading;
using Logistics.Network.Model;
using Logistics.Network.Text;
using Logistics.Presentation;

namespace Logistics.Cli.Commands;

/// <summary><c>logistics describe FILE [--scenario S]</c>: a readable summary of a network, in stable aligned tables.</summary>
public static class DescribeCommand
{
    public static Command Create(CliContext context)
    {
        var file = CommandSupport.NetworkPathArgument();
        var scenario = CommandSupport.ScenarioOption("Describe the network with this scenario applied.");
        var command = new Command("describe", "Summarise a network: counts, mines, ports, options, rules, scenarios and figures without a source.") { file, scenario };
        command.SetAction(parse => Run(context, parse.GetValue(file)!, parse.GetValue(scenario)));
        return command;
    }

    private static int Run(CliContext context, string path, string? scenario)
    {
        var result = NetworkLoader.Load(path, new LoadOptions { Scenario = scenario });
        if (result.Network is null || !result.Succeeded)
        {
            foreach (var d in result.Errors) context.Error.WriteLine(ConsoleText.Escape(d.ToString()));
            context.Error.WriteLine($"{path}: cannot describe an invalid network ({result.Errors.Length.ToString(CultureInfo.InvariantCulture)} errors); run 'logistics validate {path}' for every problem.");
            return ExitCodes.InvalidInput;
        }

        Write(context.Out, result, path);
        return ExitCodes.Success;
    }

    internal static void Write(TextWriter o, LoadResult result, string path)
    {
        var n = result.Network!;
        o.WriteLine($"Network:  {ConsoleText.Escape(n.Metadata.Name)}");
        o.WriteLine($"File:     {path}");
        o.WriteLine($"Scenario: {n.AppliedScenario?.Value ?? "(base)"}");
        o.WriteLine($"Finance:  discount rate {Pct(n.Metadata.DiscountRate)}, horizon {n.Metadata.HorizonYears.ToString(CultureInfo.InvariantCulture)} years, base year {n.Metadata.BaseYear.ToString(CultureInfo.InvariantCulture)}, " +
            $"capex budget {(n.Metadata.CapexBudgetUsd is { } b ? MoneyFormat.WithUnit(b) : "none")}");
        o.WriteLine();

        o.WriteLine("Counts");
        var counts = new TextTable("element", "count", "detail").AlignRight(1);
        counts.Add("commodities", Int(n.Commodities.Length), string.Join(", ", n.Commodities.Select(c => c.Id.Value)));
        counts.Add("nodes", Int(n.Nodes.Length), string.Join(", ", Enum.GetValues<NodeKind>().Select(k => $"{Int(n.NodesOfKind(k).Count())} {k.ToString().ToLowerInvariant()}")));
        counts.Add("links", Int(n.Links.Length), $"{Int(n.Links.Count(l => l.BuiltBy is null))} existing, {Int(n.Links.Count(l => l.BuiltBy is not null))} built by options");
        counts.Add("options", Int(n.Options.Length), "");
        counts.Add("rules", Int(n.Rules.Length), $"{Int(n.Rules.Count(r => r.Enabled))} enabled");
        counts.Add("scenarios", Int(n.Scenarios.Length), "");
        counts.WriteTo(o);
        o.WriteLine();

        o.WriteLine("Mines");
        var mines = new TextTable("id", "name", "commodity", "tonnes/year", "unshipped allowed").AlignRight(3);
        foreach (var mine in n.NodesOfKind(NodeKind.Mine))
        {
            foreach (var s in mine.Supplies) mines.Add(mine.Id.Value, mine.Name, s.Commodity.Value, Int(s.TonnesPerYear), s.AllowUnshipped ? "yes" : "no");
            if (mine.Supplies.IsEmpty) mines.Add(mine.Id.Value, mine.Name, "-", "0", "");
        }

        mines.WriteTo(o);
        o.WriteLine();

        o.WriteLine("Ports");
        var ports = new TextTable("id", "name", "capacity t/y", "handling USD/t", "added by options").AlignRight(2, 3);
        foreach (var port in n.NodesOfKind(NodeKind.Port))
        {
            var adds = n.Options.SelectMany(op => op.CapacityAdds.Where(a => a.Port == port.Id).Select(a => $"{op.Id} +{Int(a.AddedTpy)}"));
            ports.Add(port.Id.Value, port.Name, port.Port?.ThroughputCapacityTpy is { } c ? Int(c) : "unlimited", Dec(port.Port?.HandlingUsdPerTonne ?? 0), string.Join(", ", adds));
        }

        ports.WriteTo(o);
        o.WriteLine();

        o.WriteLine("Markets");
        var markets = new TextTable("id", "name", "commodity", "min t/y", "max t/y", "price USD/t").AlignRight(3, 4, 5);
        foreach (var market in n.NodesOfKind(NodeKind.Market))
        {
            foreach (var d in market.Demands)
                markets.Add(market.Id.Value, market.Name, d.Commodity.Value, Int(d.MinTpy), d.MaxTpy is { } m ? Int(m) : "unbounded", d.PriceUsdPerTonne is { } p ? Dec(p) : "-");
        }

        markets.WriteTo(o);
        o.WriteLine();

        o.WriteLine("Options");
        var options = new TextTable("id", "name", "capex", "life y", "fixed O&M", "builds links", "requires", "excludes", "decision").AlignRight(2, 3, 4);
        foreach (var op in n.Options)
        {
            options.Add(op.Id.Value, op.Name, MoneyFormat.WithUnit(op.CapexUsd), Int(op.LifetimeYears), MoneyFormat.PerYear(op.FixedOmUsdPerYear),
                string.Join(", ", n.Links.Where(l => l.BuiltBy == op.Id).Select(l => l.Id.Value)),
                string.Join(", ", op.Requires), string.Join(", ", op.Excludes), Decision(op.Decision));
        }

        options.WriteTo(o);
        o.WriteLine();

        o.WriteLine("Rules");
        var rules = new TextTable("id", "kind", "enabled", "applies to", "description");
        foreach (var rule in n.Rules)
        {
            var (kind, what) = rule switch
            {
                AvoidThroughRule a => ("avoidThrough", $"cargo to {string.Join(", ", a.Markets)} avoids {string.Join(", ", a.AvoidNodes.Select(x => x.Value).Concat(a.AvoidLinks.Select(x => x.Value)))}"),
                ModeBanRule m => ("modeBan", $"{m.Commodity} not by {m.Mode.ToString().ToLowerInvariant()}"),
                _ => ("?", ""),
            };
            rules.Add(rule.Id.Value, kind, rule.Enabled ? "yes" : "no", what, rule.Description);
        }

        rules.WriteTo(o);
        o.WriteLine();

        o.WriteLine("Scenarios");
        var scenarios = new TextTable("id", "name", "changes", "force build", "forbid build", "disable", "rules on", "rules off").AlignRight(2);
        foreach (var s in n.Scenarios)
        {
            scenarios.Add(s.Id.Value, s.Name, Int(s.Changes.Length), string.Join(", ", s.ForceBuild), string.Join(", ", s.ForbidBuild),
                string.Join(", ", s.Disable), string.Join(", ", s.EnableRules), string.Join(", ", s.DisableRules));
        }

        scenarios.WriteTo(o);
        o.WriteLine();

        var greatCircle = n.Links.Where(l => l.LengthBasis == LengthBasis.GreatCircle).ToList();
        o.WriteLine($"Links whose length is great-circle distance × circuity ({Int(greatCircle.Count)})");
        var gc = new TextTable("id", "from", "to", "mode", "length km").AlignRight(4);
        foreach (var l in greatCircle) gc.Add(l.Id.Value, l.From.Value, l.To.Value, l.Mode.ToString().ToLowerInvariant(), Dec(l.LengthKm));
        gc.WriteTo(o);
        o.WriteLine();

        var greatCirclePaths = greatCircle.Select(l => $"links[{l.Id}].lengthKm").ToHashSet(StringComparer.Ordinal);
        var unsourced = n.Figures.Where(f => f.Source is null && !greatCirclePaths.Contains(f.Path)).ToList();
        o.WriteLine($"Figures without a source ({Int(unsourced.Count)})");
        var figures = new TextTable("path", "value", "unit").AlignRight(1);
        foreach (var f in unsourced) figures.Add(f.Path, Dec(f.Value), f.Unit);
        figures.WriteTo(o);
        o.WriteLine();
        WriteAssumptions(o, n, result.Seeds);

        var warnings = result.Diagnostics.Count(d => d.Severity == Severity.Warning);
        if (warnings > 0)
        {
            o.WriteLine();
            o.WriteLine($"{Int(warnings)} warnings; run 'logistics validate {path}' to see them.");
        }
    }

    /// <summary>How many figures rest on an assumption alone (their seed has no external source), and the weakest such seeds.</summary>
    private static void WriteAssumptions(TextWriter o, NetworkSnapshot n, SeedRegister seeds)
    {
        const int Shown = 10;
        var assumed = n.Figures
            .Where(f => f.Source is { } s && seeds.TryGet(s, out var seed) && seed.Confidence == SeedConfidence.Assumption)
            .GroupBy(f => f.Source!.Value)
            .Select(g => (Seed: Seed(seeds, g.Key), Figures: g.Count()))
            .Select(x => (x.Seed, x.Figures, Spread: Spread(x.Seed)))
            .OrderByDescending(x => x.Spread).ThenByDescending(x => x.Figures).ThenBy(x => x.Seed.Id.Value, StringComparer.Ordinal)
            .ToList();
        var count = assumed.Sum(x => x.Figures);
        o.WriteLine($"Figures resting on an assumption alone ({Int(count)} of {Int(n.Figures.Length)}, citing {Int(assumed.Count)} seeds)");
        if (assumed.Count == 0) return;
        o.WriteLine($"  Their seed has confidence \"assumption\": no external source, a low-high range instead. Weakest {Int(Math.Min(Shown, assumed.Count))}, widest range against the value first:");
        var table = new TextTable("seed", "figures", "value", "low", "high", "range/value", "unit").AlignRight(1, 2, 3, 4, 5);
        foreach (var (seed, figures, spread) in assumed.Take(Shown))
        {
            table.Add(seed.Id.Value, Int(figures), seed.Value is { } v ? Dec(v) : "-", seed.Low is { } lo ? Dec(lo) : "-", seed.High is { } hi ? Dec(hi) : "-",
                double.IsFinite(spread) ? spread.ToString("0%", CultureInfo.InvariantCulture) : "-", seed.Unit);
        }

        table.WriteTo(o);
        if (assumed.Count > Shown) o.WriteLine($"  … and {Int(assumed.Count - Shown)} more assumption seeds; the report's assumptions appendix lists them all.");
    }

    private static Seed Seed(SeedRegister seeds, SeedId id) => seeds.TryGet(id, out var seed) ? seed : throw new InvalidOperationException($"Seed '{id}' vanished.");

    /// <summary>(high − low) ÷ |value| (or ÷ the range's midpoint without a value); infinite when that is zero.</summary>
    private static double Spread(Seed seed)
    {
        if (seed.Low is not { } low || seed.High is not { } high) return 0;
        var reference = Math.Abs(seed.Value ?? ((low + high) / 2));
        return reference > 0 ? (high - low) / reference : double.PositiveInfinity;
    }

    private static string Decision(BuildDecision d) => d switch
    {
        BuildDecision.ForcedIn => "forced in",
        BuildDecision.ForcedOut => "forced out",
        _ => "free",
    };

    private static string Int(double v) => v.ToString("#,0", CultureInfo.InvariantCulture);

    private static string Dec(double v) => v.ToString("#,0.##", CultureInfo.InvariantCulture);


    private static string Pct(double v) => (v * 100).ToString("0.##", CultureInfo.InvariantCulture) + "%";
}
