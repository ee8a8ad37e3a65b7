using System.Collections.Immutable;
using System.Globalization;

using Google.OrTools.LinearSolver;

using Logistics.Network.Model;
using Logistics.Optimisation.Model;

namespace Logistics.Optimisation.Solving;

/// <summary>
/// Explains an infeasible model (docs/model.md, "Infeasibility diagnosis"): re-solves it with a penalised slack on
/// every row that can fail (supply that must ship, demand minimums, capacities, rules, budget, option logic), first
/// minimising the weighted violations, then, with the violations held at that minimum, the ordinary cost, so the
/// cargo takes its natural routes. Each slack left non-zero becomes one plain sentence naming the elements.
/// </summary>
internal static class InfeasibilityDiagnoser
{
    public const string Method = "Elastic re-solve: every supply, demand-minimum, capacity, rule, budget and option-logic row gets a slack; "
        + "phase 1 minimises the weighted slacks (per tonne: capacity overrun 0.1, rule violation 1, output that cannot ship or demand that cannot be met 10; "
        + "per USD over budget 1e-6; option logic 1e6), phase 2 caps every slack at its phase-1 value and minimises cost.";

    private const double Tolerance = 1e-6;

    public static InfeasibilityDiagnosis Diagnose(Network.Model.Network network, SolverBackend backend, SolverSettings settings, ModelOptions options)
    {
        // GLOP only when every option is fixed; any other backend that could not solve the original cannot help here either, so use SCIP for MIPs.
        var name = network.Options.Any(o => o.Decision == BuildDecision.Free) ? (backend is SolverBackend.Cbc or SolverBackend.Highs ? NetworkOptimiser.BackendName(backend) : "SCIP") : "GLOP";
        // Phase 1: the violations alone.
        List<double> caps;
        var (first, firstModel, firstStatus) = SolveElastic(network, name, settings, options, caps: null);
        using (first)
        {
            if (firstModel is null)
                return Unfinished($"the {name} backend is not available");
            if (firstStatus is not (Solver.ResultStatus.OPTIMAL or Solver.ResultStatus.FEASIBLE))
                return Unfinished($"the elastic model stopped with {firstStatus}");
            caps = [.. firstModel.Slacks.Select(slack => Math.Max(0, slack.Variable.SolutionValue()))];
        }

        // Phase 2, on a fresh copy (re-solving a changed GLOP model in place proved fragile): every slack capped at its
        // phase-1 value (a hair more for round-off), then the cheapest plan. Capping each slack, not just their weighted
        // sum, stops phase 2 trading one kind of violation for another (skipping a costly option by leaving some other
        // cargo behind at the same penalty).
        var (second, model, secondStatus) = SolveElastic(network, name, settings, options, caps);
        using var secondSolver = second;
        if (model is null || secondStatus is not (Solver.ResultStatus.OPTIMAL or Solver.ResultStatus.FEASIBLE))
            return Unfinished($"the cost phase of the elastic model stopped with {secondStatus}");

        var findings = new FindingWriter(network, model).Write();
        return new InfeasibilityDiagnosis([.. findings.Select(f => f.Sentence)]) { Findings = findings, Method = Method };
    }

    /// <summary>
    /// Builds and solves the elastic model. Without caps: minimise the weighted slacks. With caps (phase-1 values, in
    /// slack order): slacks bounded by them, minimise cost plus 1e-3 per unit of slack, which pulls a slack that would
    /// otherwise float in an inactive row down to the violation it really measures.
    /// </summary>
    private static (Solver? Solver, OptimisationModel? Model, Solver.ResultStatus Status) SolveElastic(
        Network.Model.Network network, string backend, SolverSettings settings, ModelOptions options, List<double>? caps)
    {
        var solver = Solver.CreateSolver(backend);
        if (solver is null)
            return (null, null, Solver.ResultStatus.NOT_SOLVED);
        var model = ModelBuilder.Build(network, solver, integerBuilds: backend != "GLOP", options with { Elastic = true });
        if (settings.TimeLimit is { } limit)
            solver.SetTimeLimit((long)Math.Max(1, limit.TotalMilliseconds));
        var objective = solver.Objective();
        if (caps is null)
        {
            objective.Clear();
            objective.SetMinimization();
        }

        for (var i = 0; i < model.Slacks.Count; i++)
        {
            var slack = model.Slacks[i];
            if (caps is null)
            {
                objective.SetCoefficient(slack.Variable, slack.Weight);
            }
            else
            {
                // A slack phase 1 left at zero stays at zero (a tiny positive range trips GLOP up: ABNORMAL).
                slack.Variable.SetUb(caps[i] <= 1e-9 ? 0 : caps[i] + Math.Max(1e-6, 1e-7 * caps[i]));
                objective.SetCoefficient(slack.Variable, 1e-3);
            }
        }

        using var parameters = new MPSolverParameters();
        if (backend != "GLOP")
            parameters.SetDoubleParam(MPSolverParameters.DoubleParam.RELATIVE_MIP_GAP, 1e-9);
        return (solver, model, solver.Solve(parameters));
    }

    private static InfeasibilityDiagnosis Unfinished(string why)
    {
        var sentence = $"The diagnosis could not finish: {why}. Try a longer --time-limit.";
        return new InfeasibilityDiagnosis([sentence]) { Method = Method };
    }

    /// <summary>Turns the non-zero slacks of a solved elastic model into sentences.</summary>
    private sealed class FindingWriter(Network.Model.Network network, OptimisationModel model)
    {
        private readonly SolutionValues _values = new(model);

        public ImmutableArray<InfeasibilityFinding> Write()
        {
            var findings = new List<InfeasibilityFinding>();
            foreach (var slack in model.Slacks)
            {
                var amount = Round(slack.Variable.SolutionValue());
                if (amount <= (slack.Kind == SlackKind.BudgetOverrun ? 1e-3 : Tolerance))
                    continue;
                findings.Add(slack.Kind switch
                {
                    SlackKind.LinkOverrun => LinkFinding(slack, amount),
                    SlackKind.PortOverrun => PortFinding(slack, amount),
                    SlackKind.SupplyUnshipped => SupplyFinding(slack, amount),
                    SlackKind.DemandShortfall => DemandFinding(slack, amount),
                    SlackKind.RuleViolation => RuleFinding(slack, amount),
                    SlackKind.BudgetOverrun => BudgetFinding(amount),
                    _ => OptionLogicFinding(slack),
                });
            }

            return [.. findings.OrderBy(f => f.Kind).ThenBy(f => string.Join(",", f.Elements), StringComparer.Ordinal)];
        }

        private InfeasibilityFinding LinkFinding(ElasticSlack slack, double amount)
        {
            var link = slack.Link!;
            var (cargo, elements) = Cargo(slack.Arcs);
            var where = slack.Direction switch
            {
                LinkTravel.Forward => $" from {Place(link.From)} to {Place(link.To)}",
                LinkTravel.Reverse => $" from {Place(link.To)} to {Place(link.From)}",
                _ => " (both directions share its capacity)",
            };
            string sentence;
            if (link.BuiltBy is { } builder && !_values.IsBuilt(builder))
            {
                sentence = $"{Tonnes(amount)} of {cargo} would need {Named(link)}{where}, which exists only if option {builder} is built, and {WhyNotBuilt(builder)}.";
                elements.Insert(0, builder.Value);
            }
            else
            {
                var capacity = FlowReporter.LinkCapacity(_values, link) ?? 0;
                sentence = $"{Tonnes(amount)} of {cargo} cannot pass {Named(link)}{where}: it carries at most {Tonnes(capacity)} and {OptionsClause(model.Network.Options.Where(o => Adds(o, link.Id, null)), elements)}.";
            }

            elements.Insert(0, link.Id.Value);
            return new InfeasibilityFinding(FindingKind.LinkCapacity, sentence, [.. elements], amount, "t/yr");
        }

        private InfeasibilityFinding PortFinding(ElasticSlack slack, double amount)
        {
            var port = network.Node(slack.Node!.Value);
            var (cargo, elements) = Cargo(slack.Arcs);
            var capacity = FlowReporter.PortCapacity(_values, port) ?? 0;
            var sentence = $"{Tonnes(amount)} of {cargo} cannot pass port {Place(port.Id)}: it handles at most {Tonnes(capacity)} and {OptionsClause(model.Network.Options.Where(o => Adds(o, null, port.Id)), elements)}.";
            elements.Insert(0, port.Id.Value);
            return new InfeasibilityFinding(FindingKind.PortCapacity, sentence, [.. elements], amount, "t/yr");
        }

        private InfeasibilityFinding SupplyFinding(ElasticSlack slack, double amount)
        {
            var mine = slack.Node!.Value;
            var commodity = slack.Commodity!.Value;
            var buyers = model.Classes.Where(c => c.Commodity == commodity).ToList();
            var supplied = network.NodesOfKind(NodeKind.Mine).SelectMany(n => n.Supplies.IsDefault ? [] : n.Supplies).Where(s => s.Commodity == commodity).Sum(s => s.TonnesPerYear);
            var elements = new List<string> { mine.Value, commodity.Value };
            string why;
            if (buyers.Count == 0)
            {
                why = "no market buys it";
            }
            else if (buyers.All(b => b.Demand.MaxTpy is not null) && buyers.Sum(b => b.Demand.MaxTpy!.Value) < supplied - Tolerance)
            {
                why = $"the markets that buy it ({string.Join(", ", buyers.Select(b => Place(b.Market)))}) take at most {Tonnes(buyers.Sum(b => b.Demand.MaxTpy!.Value))} in total, and the mines produce {Tonnes(supplied)}";
                elements.AddRange(buyers.Select(b => b.Market.Value));
            }
            else
            {
                why = $"no route from it reaches a market that buys it ({string.Join(", ", buyers.Select(b => Place(b.Market)))}) on links that allow {CommodityName(commodity)}";
                elements.AddRange(buyers.Select(b => b.Market.Value));
            }

            var sentence = $"{Tonnes(amount)} of {CommodityName(commodity)} from {Place(mine)} cannot leave: {why}.";
            return new InfeasibilityFinding(FindingKind.SupplyCannotShip, sentence, [.. elements], amount, "t/yr");
        }

        private InfeasibilityFinding DemandFinding(ElasticSlack slack, double amount)
        {
            var flowClass = slack.Class!;
            var commodity = flowClass.Commodity;
            var supplied = network.NodesOfKind(NodeKind.Mine).SelectMany(n => n.Supplies.IsDefault ? [] : n.Supplies).Where(s => s.Commodity == commodity).Sum(s => s.TonnesPerYear);
            var minimums = model.Classes.Where(c => c.Commodity == commodity).Sum(c => c.Demand.MinTpy);
            var why = minimums > supplied + Tolerance
                ? supplied <= 0
                    ? "no mine produces it"
                    : $"the mines produce only {Tonnes(supplied)} of it and the markets' minimums add up to {Tonnes(minimums)}"
                : "no route from a mine that produces it reaches the market on links that allow it";
            var sentence = $"{Place(flowClass.Market)} needs at least {Tonnes(flowClass.Demand.MinTpy)} of {CommodityName(commodity)}, but {Tonnes(amount)} of that cannot be delivered: {why}.";
            return new InfeasibilityFinding(FindingKind.DemandShortfall, sentence, [flowClass.Market.Value, commodity.Value], amount, "t/yr");
        }

        private InfeasibilityFinding RuleFinding(ElasticSlack slack, double amount)
        {
            var rule = slack.Rule!;
            var flowClass = slack.Class!;
            var elements = new List<string> { rule.Id.Value, flowClass.Market.Value, flowClass.Commodity.Value };
            string what;
            if (rule is AvoidThroughRule avoid)
            {
                var avoided = (avoid.AvoidNodes.IsDefault ? [] : avoid.AvoidNodes.Select(n => n.Value))
                    .Concat(avoid.AvoidLinks.IsDefault ? [] : avoid.AvoidLinks.Select(l => l.Value)).ToList();
                var used = slack.Arcs.Where(a => _values.Flow[model.LayerOf(flowClass).Index, a.Index] > Tolerance).Select(a => a.Link!.Id.Value).Distinct().ToList();
                elements.AddRange(used);
                what = $"every route that can carry it passes {string.Join(", ", avoided)}, which the rule forbids (it would use {string.Join(", ", used)})";
            }
            else
            {
                var ban = (ModeBanRule)rule;
                what = $"every route that can carry it uses {ModeLayerGraph.ModeName(ban.Mode)}, which the rule bans for it";
            }

            var description = string.IsNullOrWhiteSpace(rule.Description) ? "" : $" ({rule.Description})";
            // The slack sums the class's tonnes over every banned arc; the tonnes that travel against the rule are the most on any one of them.
            amount = Round(slack.Arcs.Max(a => _values.Flow[model.LayerOf(flowClass).Index, a.Index]));
            var sentence = $"{Tonnes(amount)} of {CommodityName(flowClass.Commodity)} bound for {Place(flowClass.Market)} can only travel against rule {rule.Id}{description}: {what}.";
            return new InfeasibilityFinding(FindingKind.Rule, sentence, [.. elements], amount, "t/yr");
        }

        private InfeasibilityFinding BudgetFinding(double amount)
        {
            var budget = network.Metadata.CapexBudgetUsd ?? 0;
            var built = model.Network.Options.Where(o => _values.IsBuilt(o.Id)).ToList();
            var need = built.Sum(o => o.CapexUsd);
            var sentence = string.Create(CultureInfo.InvariantCulture,
                $"The options needed ({string.Join(", ", built.Select(o => o.Id.Value))}) cost {need:N0} USD but the capex budget is {budget:N0} USD: {amount:N0} USD short.");
            return new InfeasibilityFinding(FindingKind.Budget, sentence, [.. built.Select(o => o.Id.Value)], amount, "USD");
        }

        private InfeasibilityFinding OptionLogicFinding(ElasticSlack slack)
        {
            var (a, b) = (slack.OptionA!.Value, slack.OptionB!.Value);
            var isRequires = slack.Row.StartsWith("requires", StringComparison.Ordinal);
            var sentence = isRequires
                ? $"Option {a} must be built ({Decision(a)}) but requires option {b}, which cannot be ({Decision(b)})."
                : $"Options {a} and {b} exclude each other, but both must be built ({Decision(a)}; {Decision(b)}).";
            return new InfeasibilityFinding(FindingKind.OptionLogic, sentence, [a.Value, b.Value], 1, "options");
        }

        private string Decision(OptionId id) => network.Option(id).Decision switch
        {
            BuildDecision.ForcedIn => "forced in",
            BuildDecision.ForcedOut => "forced out",
            _ => "needed",
        };

        /// <summary>What travels on the arcs in the elastic plan: commodities and the mines they come from.</summary>
        private (string Text, List<string> Elements) Cargo(ImmutableArray<Arc> arcs)
        {
            var layers = model.Layers.Where(l => arcs.Any(a => _values.Flow[l.Index, a.Index] > Tolerance)).ToList();
            var commodities = layers.Select(l => l.Commodity).Distinct().OrderBy(c => c).ToList();
            var mines = layers
                .SelectMany(l => model.Injections[l.Index].Select((inj, i) => (inj.Mine, Tonnes: _values.Injected[l.Index][i])))
                .Where(p => p.Tonnes > Tolerance).Select(p => p.Mine).Distinct().OrderBy(m => m).ToList();
            if (commodities.Count == 0)
                return ("cargo", []);
            var text = string.Join(" and ", commodities.Select(CommodityName));
            if (mines.Count > 0)
                text += $" from {string.Join(", ", mines.Select(Place))}";
            return (text, [.. mines.Select(m => m.Value), .. commodities.Select(c => c.Value)]);
        }

        private static bool Adds(InvestmentOption option, LinkId? link, NodeId? port) =>
            !option.CapacityAdds.IsDefault && option.CapacityAdds.Any(a => (link is not null && a.Link == link) || (port is not null && a.Port == port));

        /// <summary>"no option adds capacity on it", or which options could and why they do not (enough).</summary>
        private string OptionsClause(IEnumerable<InvestmentOption> adding, List<string> elements)
        {
            var list = adding.ToList();
            if (list.Count == 0)
                return "no option adds capacity on it";
            elements.AddRange(list.Select(o => o.Id.Value));
            var built = list.Where(o => _values.IsBuilt(o.Id)).ToList();
            var parts = new List<string>();
            if (built.Count > 0)
                parts.Add($"{string.Join(", ", built.Select(o => o.Id.Value))} {(built.Count == 1 ? "is" : "are")} built and not enough");
            parts.AddRange(list.Where(o => !_values.IsBuilt(o.Id)).Select(o => $"option {o.Id} (+{Tonnes(Added(o))}) {WhyNotBuilt(o.Id)}"));
            return string.Join("; ", parts);
        }

        private static double Added(InvestmentOption option) => option.CapacityAdds.IsDefault ? 0 : option.CapacityAdds.Max(a => a.AddedTpy);

        private string WhyNotBuilt(OptionId id)
        {
            var option = network.Option(id);
            if (option.Decision == BuildDecision.ForcedOut)
                return "it is forced out";
            var missing = option.Requires.IsDefault ? [] : option.Requires.Where(r => network.TryGetOption(r, out var req) && req.Decision == BuildDecision.ForcedOut).ToList();
            if (missing.Count > 0)
                return $"it requires {string.Join(", ", missing)}, which is forced out";
            var excluders = model.Network.Options.Where(o => _values.IsBuilt(o.Id)
                && ((!o.Excludes.IsDefault && o.Excludes.Contains(id)) || (!option.Excludes.IsDefault && option.Excludes.Contains(o.Id)))).ToList();
            if (excluders.Count > 0)
                return $"it is excluded by {string.Join(", ", excluders.Select(o => o.Id.Value))}";
            if (network.Metadata.CapexBudgetUsd is { } budget)
                return string.Create(CultureInfo.InvariantCulture, $"its capex ({option.CapexUsd:N0} USD) does not fit the capex budget ({budget:N0} USD) with what else is needed");
            return "it is not built";
        }

        private string Place(NodeId id) => network.TryGetNode(id, out var node) && node.Name != id.Value ? $"{node.Name} ({id})" : id.Value;

        private static string Named(Link link) => link.Name != link.Id.Value ? $"link {link.Name} ({link.Id})" : $"link {link.Id}";

        private string CommodityName(CommodityId id) => network.Commodities.FirstOrDefault(c => c.Id == id) is { } c && c.Name != id.Value ? $"{c.Name} ({id})" : id.Value;
    }

    /// <summary>
    /// To a kilogram, and to 7 significant digits: the solver's feasibility tolerances (relative to the figures) leave
    /// dust in the last digits, e.g. 699,999.999 for 700,000.
    /// </summary>
    public static double Round(double value)
    {
        if (value == 0 || double.IsNaN(value) || double.IsInfinity(value))
            return value;
        var decimals = Math.Min(3, 6 - (int)Math.Floor(Math.Log10(Math.Abs(value))));
        return decimals >= 0 ? Math.Round(value, decimals) : Math.Round(value / Math.Pow(10, -decimals)) * Math.Pow(10, -decimals);
    }

    /// <summary>1.1 Mt/yr, 400 kt/yr, 40 t/yr.</summary>
    public static string Tonnes(double tonnes) => Math.Abs(tonnes) switch
    {
        >= 1e6 => string.Create(CultureInfo.InvariantCulture, $"{tonnes / 1e6:0.###} Mt/yr"),
        >= 1e3 => string.Create(CultureInfo.InvariantCulture, $"{tonnes / 1e3:0.###} kt/yr"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{tonnes:0.###} t/yr"),
    };
}
