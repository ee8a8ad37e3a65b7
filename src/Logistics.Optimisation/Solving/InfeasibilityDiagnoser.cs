using System.Collections.Immutable;

using Google.OrTools.LinearSolver;

using Logistics.Network.Model;
using Logistics.Optimisation.Model;

namespace Logistics.Optimisation.Solving;

/// <summary>
/// Explains an infeasible model (docs/model.md, "Infeasibility diagnosis"): re-solves it with a penalised slack on
/// every row that can fail (supply that must ship, demand minimums, capacities, rules, budget, option logic), first
/// minimising the weighted violations, then, with the violations held at that minimum, the ordinary cost, so the
/// cargo takes its natural routes. Each slack left non-zero becomes one finding: structured facts and the elements
/// they name, read here, and a plain sentence made from the facts by <see cref="InfeasibilityWording"/>.
/// </summary>
internal static class InfeasibilityDiagnoser
{
    public const string Method = "Elastic re-solve: every supply, demand-minimum, capacity, rule, budget and option-logic row gets a slack; "
        + "phase 1 minimises the weighted slacks (per tonne: capacity overrun 0.1, rule violation 1, output that cannot ship or demand that cannot be met 10; "
        + "per USD over budget 1e-6; option logic 1e6), phase 2 caps every slack at its phase-1 value and minimises cost.";

    /// <summary>The one tolerance of the solution values: below it a slack or a flow is zero.</summary>
    private const double Tolerance = SolutionValues.Tolerance;

    public static InfeasibilityDiagnosis Diagnose(NetworkSnapshot network, SolverBackend backend, TimeSpan? timeLimit, ModelOptions options)
    {
        // GLOP only when every option is fixed; any other backend that could not solve the original cannot help here either, so use SCIP for MIPs.
        var name = network.Options.Any(o => o.Decision == BuildDecision.Free) ? (backend is SolverBackend.Cbc or SolverBackend.Highs ? NetworkOptimiser.BackendName(backend) : "SCIP") : "GLOP";
        // Phase 1: the violations alone.
        List<double> caps;
        var (first, firstModel, firstStatus) = SolveElastic(network, name, timeLimit, options, caps: null);
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
        var (second, model, secondStatus) = SolveElastic(network, name, timeLimit, options, caps);
        using var secondSolver = second;
        if (model is null || secondStatus is not (Solver.ResultStatus.OPTIMAL or Solver.ResultStatus.FEASIBLE))
            return Unfinished($"the cost phase of the elastic model stopped with {secondStatus}");

        var findings = new FindingCollector(network, model).Collect();
        return new InfeasibilityDiagnosis([.. findings.Select(f => f.Sentence)]) { Findings = findings, Method = Method };
    }

    /// <summary>
    /// Builds and solves the elastic model. Without caps: minimise the weighted slacks. With caps (phase-1 values, in
    /// slack order): slacks bounded by them, minimise cost plus 1e-3 per unit of slack, which pulls a slack that would
    /// otherwise float in an inactive row down to the violation it really measures.
    /// </summary>
    private static (Solver? Solver, OptimisationModel? Model, Solver.ResultStatus Status) SolveElastic(
        NetworkSnapshot network, string backend, TimeSpan? timeLimit, ModelOptions options, List<double>? caps)
    {
        var solver = Solver.CreateSolver(backend);
        if (solver is null)
            return (null, null, Solver.ResultStatus.NOT_SOLVED);
        var model = ModelBuilder.Build(network, solver, integerBuilds: backend != "GLOP", options with { Elastic = true });
        if (timeLimit is { } limit)
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

    private static InfeasibilityDiagnosis Unfinished(string why) =>
        new([InfeasibilityWording.Unfinished(why)]) { Method = Method };

    /// <summary>Reads the non-zero slacks of a solved elastic model as findings: facts and elements here, the sentence from <see cref="InfeasibilityWording"/>.</summary>
    private sealed class FindingCollector(NetworkSnapshot network, OptimisationModel model)
    {
        private readonly SolutionValues _values = new(model);
        private readonly InfeasibilityWording _wording = new(network);

        public ImmutableArray<InfeasibilityFinding> Collect()
        {
            var findings = new List<InfeasibilityFinding>();
            foreach (var slack in model.Slacks)
            {
                var amount = Round(slack.Variable.SolutionValue());
                if (amount <= (slack.Kind == SlackKind.BudgetOverrun ? 1e-3 : Tolerance))
                    continue;
                var (kind, facts, elements, unit) = slack.Kind switch
                {
                    SlackKind.LinkOverrun => LinkFinding(slack, amount),
                    SlackKind.PortOverrun => PortFinding(slack, amount),
                    SlackKind.SupplyUnshipped => SupplyFinding(slack, amount),
                    SlackKind.DemandShortfall => DemandFinding(slack, amount),
                    SlackKind.RuleViolation => RuleFinding(slack),
                    SlackKind.BudgetOverrun => BudgetFinding(amount),
                    _ => OptionLogicFinding(slack),
                };
                findings.Add(new InfeasibilityFinding(kind, _wording.Sentence(facts), [.. elements], facts.Amount, unit));
            }

            return [.. findings.OrderBy(f => f.Kind).ThenBy(f => string.Join(",", f.Elements), StringComparer.Ordinal)];
        }

        private (FindingKind, FindingFacts, List<string>, string) LinkFinding(ElasticSlack slack, double amount)
        {
            var link = slack.Link!;
            var (cargo, elements) = Cargo(slack.Arcs);
            FindingFacts facts;
            if (link.BuiltBy is { } builder && !_values.IsBuilt(builder))
            {
                facts = new LinkFacts(amount, link, slack.Direction, cargo, builder, WhyNotBuilt(builder), 0, []);
                elements.Insert(0, builder.Value);
            }
            else
            {
                var adding = Adding(model.Network.Options.Where(o => Adds(o, link.Id, null)), elements);
                facts = new LinkFacts(amount, link, slack.Direction, cargo, null, null, FlowReporter.LinkCapacity(_values, link) ?? 0, adding);
            }

            elements.Insert(0, link.Id.Value);
            return (FindingKind.LinkCapacity, facts, elements, "t/yr");
        }

        private (FindingKind, FindingFacts, List<string>, string) PortFinding(ElasticSlack slack, double amount)
        {
            var port = network.Node(slack.Node!.Value);
            var (cargo, elements) = Cargo(slack.Arcs);
            var adding = Adding(model.Network.Options.Where(o => Adds(o, null, port.Id)), elements);
            var facts = new PortFacts(amount, port.Id, cargo, FlowReporter.PortCapacity(_values, port) ?? 0, adding);
            elements.Insert(0, port.Id.Value);
            return (FindingKind.PortCapacity, facts, elements, "t/yr");
        }

        private (FindingKind, FindingFacts, List<string>, string) SupplyFinding(ElasticSlack slack, double amount)
        {
            var mine = slack.Node!.Value;
            var commodity = slack.Commodity!.Value;
            var buyers = model.Classes.Where(c => c.Commodity == commodity).ToList();
            var supplied = Supplied(commodity);
            var elements = new List<string> { mine.Value, commodity.Value };
            var why = buyers.Count == 0 ? SupplyBlock.NoBuyer
                : buyers.All(b => b.Demand.MaxTpy is not null) && buyers.Sum(b => b.Demand.MaxTpy!.Value) < supplied - Tolerance ? SupplyBlock.BuyersTakeLess
                : SupplyBlock.NoRoute;
            if (why != SupplyBlock.NoBuyer)
                elements.AddRange(buyers.Select(b => b.Market.Value));
            var maximum = why == SupplyBlock.BuyersTakeLess ? buyers.Sum(b => b.Demand.MaxTpy!.Value) : 0;
            var facts = new SupplyFacts(amount, mine, commodity, why, [.. buyers.Select(b => b.Market)], maximum, supplied);
            return (FindingKind.SupplyCannotShip, facts, elements, "t/yr");
        }

        private (FindingKind, FindingFacts, List<string>, string) DemandFinding(ElasticSlack slack, double amount)
        {
            var flowClass = slack.Class!;
            var commodity = flowClass.Commodity;
            var supplied = Supplied(commodity);
            var minimums = model.Classes.Where(c => c.Commodity == commodity).Sum(c => c.Demand.MinTpy);
            var why = minimums > supplied + Tolerance ? (supplied <= 0 ? DemandBlock.NoMine : DemandBlock.SupplyShort) : DemandBlock.NoRoute;
            var facts = new DemandFacts(amount, flowClass.Market, commodity, flowClass.Demand.MinTpy, why, supplied, minimums);
            return (FindingKind.DemandShortfall, facts, [flowClass.Market.Value, commodity.Value], "t/yr");
        }

        private (FindingKind, FindingFacts, List<string>, string) RuleFinding(ElasticSlack slack)
        {
            var rule = slack.Rule!;
            var flowClass = slack.Class!;
            var layer = model.LayerOf(flowClass).Index;
            var elements = new List<string> { rule.Id.Value, flowClass.Market.Value, flowClass.Commodity.Value };
            ImmutableArray<string> avoided = [];
            ImmutableArray<string> used = [];
            if (rule is AvoidThroughRule avoid)
            {
                avoided = [.. (avoid.AvoidNodes.IsDefault ? [] : avoid.AvoidNodes.Select(n => n.Value))
                    .Concat(avoid.AvoidLinks.IsDefault ? [] : avoid.AvoidLinks.Select(l => l.Value))];
                used = [.. slack.Arcs.Where(a => _values.Flow[layer, a.Index] > Tolerance).Select(a => a.Link!.Id.Value).Distinct()];
                elements.AddRange(used);
            }

            // The slack sums the class's tonnes over every banned arc; the tonnes that travel against the rule are the most on any one of them.
            var amount = Round(slack.Arcs.Max(a => _values.Flow[layer, a.Index]));
            return (FindingKind.Rule, new RuleFacts(amount, rule, flowClass.Market, flowClass.Commodity, avoided, used), elements, "t/yr");
        }

        private (FindingKind, FindingFacts, List<string>, string) BudgetFinding(double amount)
        {
            var built = model.Network.Options.Where(o => _values.IsBuilt(o.Id)).ToList();
            var facts = new BudgetFacts(amount, [.. built.Select(o => o.Id)], built.Sum(o => o.CapexUsd), network.Metadata.CapexBudgetUsd ?? 0);
            return (FindingKind.Budget, facts, [.. built.Select(o => o.Id.Value)], "USD");
        }

        private (FindingKind, FindingFacts, List<string>, string) OptionLogicFinding(ElasticSlack slack)
        {
            var (a, b) = (slack.OptionA!.Value, slack.OptionB!.Value);
            var facts = new OptionLogicFacts(a, b, slack.Row.StartsWith("requires", StringComparison.Ordinal), network.Option(a).Decision, network.Option(b).Decision);
            return (FindingKind.OptionLogic, facts, [a.Value, b.Value], "options");
        }

        private double Supplied(CommodityId commodity) =>
            network.NodesOfKind(NodeKind.Mine).SelectMany(n => n.Supplies.IsDefault ? [] : n.Supplies).Where(s => s.Commodity == commodity).Sum(s => s.TonnesPerYear);

        /// <summary>What travels on the arcs in the elastic plan: commodities and the mines they come from (elements: mines, then commodities).</summary>
        private (CargoFacts Cargo, List<string> Elements) Cargo(ImmutableArray<Arc> arcs)
        {
            var layers = model.Layers.Where(l => arcs.Any(a => _values.Flow[l.Index, a.Index] > Tolerance)).ToList();
            var commodities = layers.Select(l => l.Commodity).Distinct().OrderBy(c => c).ToList();
            var mines = layers
                .SelectMany(l => model.Injections[l.Index].Select((inj, i) => (inj.Mine, Tonnes: _values.Injected[l.Index][i])))
                .Where(p => p.Tonnes > Tolerance).Select(p => p.Mine).Distinct().OrderBy(m => m).ToList();
            if (commodities.Count == 0)
                return (new CargoFacts([], []), []);
            return (new CargoFacts([.. commodities], [.. mines]), [.. mines.Select(m => m.Value), .. commodities.Select(c => c.Value)]);
        }

        private static bool Adds(InvestmentOption option, LinkId? link, NodeId? port) =>
            !option.CapacityAdds.IsDefault && option.CapacityAdds.Any(a => (link is not null && a.Link == link) || (port is not null && a.Port == port));

        /// <summary>The options that add capacity here, built or why not; their ids join the finding's elements.</summary>
        private ImmutableArray<AddingOption> Adding(IEnumerable<InvestmentOption> adding, List<string> elements)
        {
            var list = adding.ToList();
            elements.AddRange(list.Select(o => o.Id.Value));
            return [.. list.Select(o => _values.IsBuilt(o.Id)
                ? new AddingOption(o.Id, true, Added(o), null)
                : new AddingOption(o.Id, false, Added(o), WhyNotBuilt(o.Id)))];
        }

        private static double Added(InvestmentOption option) => option.CapacityAdds.IsDefault ? 0 : option.CapacityAdds.Max(a => a.AddedTpy);

        private NotBuiltReason WhyNotBuilt(OptionId id)
        {
            var option = network.Option(id);
            if (option.Decision == BuildDecision.ForcedOut)
                return new(NotBuiltKind.ForcedOut, [], 0, 0);
            var missing = option.Requires.IsDefault ? [] : option.Requires.Where(r => network.TryGetOption(r, out var req) && req.Decision == BuildDecision.ForcedOut).ToList();
            if (missing.Count > 0)
                return new(NotBuiltKind.RequiresForcedOut, [.. missing], 0, 0);
            var excluders = model.Network.Options.Where(o => _values.IsBuilt(o.Id)
                && ((!o.Excludes.IsDefault && o.Excludes.Contains(id)) || (!option.Excludes.IsDefault && option.Excludes.Contains(o.Id)))).ToList();
            if (excluders.Count > 0)
                return new(NotBuiltKind.ExcludedBy, [.. excluders.Select(o => o.Id)], 0, 0);
            if (network.Metadata.CapexBudgetUsd is { } budget)
                return new(NotBuiltKind.OverBudget, [], option.CapexUsd, budget);
            return new(NotBuiltKind.NotBuilt, [], 0, 0);
        }
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
}
