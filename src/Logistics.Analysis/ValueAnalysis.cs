using System.Collections.Immutable;

using Logistics.Network.Model;
using Logistics.Optimisation;

namespace Logistics.Analysis;

/// <summary>
/// Values investment options from pairs of forced solves (docs/analyses.md, "value"). For an option that requires
/// others, two rows: the bundle (the option and everything it requires, forced in together, against the option
/// forced out) and the option given its prerequisites (prerequisites forced in for both solves). A plan over time
/// (a network with periods) is valued with timing by <see cref="TimedValueAnalysis"/> on the same rows.
/// </summary>
public static class ValueAnalysis
{
    /// <summary>Values every option of <paramref name="network"/> (or only <paramref name="only"/>).</summary>
    /// <exception cref="ArgumentException"><paramref name="only"/> is not an option of the network.</exception>
    public static ValueReport Run(NetworkSnapshot network, AnalysisSettings settings, OptionId? only = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(settings);
        if (only is { } o && !network.TryGetOption(o, out _))
            throw new ArgumentException($"The network has no option '{o}'. Options: {string.Join(", ", network.Options.Select(x => x.Id))}.", nameof(only));
        // A plan over time is valued from present values and yearly cash flows, not from one year's saving.
        if (network.IsPeriodised)
            return TimedValueAnalysis.Run(network, settings, only, cancellationToken);

        var (indexed, variants) = Layout(network, only);
        var scheduler = new SolveScheduler(settings);
        using var kept = new KeptModels(scheduler, settings);
        var results = scheduler.Map([.. variants.Select(v => new SolveJob(v))], kept.Solve, cancellationToken);
        return Assemble(network, indexed, results, scheduler.Tally);
    }

    /// <summary>
    /// The distinct forced solves of a one-period valuation of every option, in order, the unforced optimum first: the
    /// units a distributed report runs on their own (each a plain solve of the returned snapshot).
    /// </summary>
    /// <exception cref="ArgumentException">The network is a plan over time (valued by <see cref="TimedValueAnalysis"/>).</exception>
    public static ImmutableArray<NetworkSnapshot> Variants(NetworkSnapshot network)
    {
        ArgumentNullException.ThrowIfNull(network);
        if (network.IsPeriodised)
            throw new ArgumentException("A plan over time is valued with timing, not by these forced solves.", nameof(network));
        return Layout(network, null).Variants;
    }

    /// <summary>The report of every option from the results of <see cref="Variants"/>, in that order: what <see cref="Run"/> gives.</summary>
    public static ValueReport Assemble(NetworkSnapshot network, IReadOnlyList<OptimisationResult> results, SolveTally tally)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(results);
        var (indexed, variants) = Layout(network, null);
        if (results.Count != variants.Length)
            throw new ArgumentException($"Expected {variants.Length} results, got {results.Count}.", nameof(results));
        return Assemble(network, indexed, results, tally);
    }

    /// <summary>Each row with the indexes of its two solves, and the distinct solves (the unforced optimum first).</summary>
    private static (List<(Row Row, int In, int Out)> Rows, ImmutableArray<NetworkSnapshot> Variants) Layout(NetworkSnapshot network, OptionId? only)
    {
        var rows = Plan(network, only);
        var variants = new List<(ImmutableArray<OptionId> In, ImmutableArray<OptionId> Out)> { ([], []) };
        int IndexOf(ImmutableArray<OptionId> forcedIn, ImmutableArray<OptionId> forcedOut)
        {
            var i = variants.FindIndex(v => v.In.SequenceEqual(forcedIn) && v.Out.SequenceEqual(forcedOut));
            if (i >= 0) return i;
            variants.Add((forcedIn, forcedOut));
            return variants.Count - 1;
        }

        var indexed = rows.Select(r => (Row: r, In: IndexOf(r.InSolveIn, r.InSolveOut), Out: IndexOf(r.OutSolveIn, r.OutSolveOut))).ToList();
        return (indexed, [.. variants.Select(v => NetworkVariants.WithDecisions(network, v.In, v.Out))]);
    }

    private static ValueReport Assemble(NetworkSnapshot network, List<(Row Row, int In, int Out)> indexed, IReadOnlyList<OptimisationResult> results, SolveTally tally)
    {
        var optimum = results[0];
        var optimumBuilds = Outcomes.Built(optimum);
        var valuations = indexed.Select(x => Value(network, x.Row, optimumBuilds, results[x.In], results[x.Out])).ToImmutableArray();
        return new ValueReport(network.AppliedScenario?.Value, network.Metadata.DiscountRate, network.Metadata.HorizonYears,
            optimum.Status, optimum.Objective, optimumBuilds, valuations) { Tally = tally };
    }

    /// <summary>What one row forces in each of its two solves.</summary>
    internal sealed record Row(
        OptionId Option,
        ValuationKind Kind,
        ImmutableArray<OptionId> Valued,
        ImmutableArray<OptionId> Prerequisites,
        ImmutableArray<OptionId> InSolveIn,
        ImmutableArray<OptionId> InSolveOut,
        ImmutableArray<OptionId> OutSolveIn,
        ImmutableArray<OptionId> OutSolveOut);

    internal static List<Row> Plan(NetworkSnapshot network, OptionId? only)
    {
        var rows = new List<Row>();
        foreach (var option in network.Options.Where(x => only is null || x.Id == only))
        {
            var prerequisites = Prerequisites(network, option.Id);
            ImmutableArray<OptionId> self = [option.Id];
            if (prerequisites.IsEmpty)
            {
                rows.Add(new Row(option.Id, ValuationKind.Single, self, [], self, [], [], self));
                continue;
            }

            ImmutableArray<OptionId> bundle = [.. prerequisites.Add(option.Id).Order()];
            rows.Add(new Row(option.Id, ValuationKind.Bundle, bundle, prerequisites, bundle, [], [], self));
            rows.Add(new Row(option.Id, ValuationKind.GivenPrerequisites, self, prerequisites, bundle, [], prerequisites, self));
        }

        return rows;
    }

    /// <summary>Everything the option requires, directly or through other options, sorted (a requirement cycle is cut).</summary>
    public static ImmutableArray<OptionId> Prerequisites(NetworkSnapshot network, OptionId option)
    {
        ArgumentNullException.ThrowIfNull(network);
        var seen = new SortedSet<OptionId>();
        var stack = new Stack<OptionId>([option]);
        while (stack.Count > 0)
        {
            var current = stack.Pop();
            if (!network.TryGetOption(current, out var o) || o.Requires.IsDefault) continue;
            foreach (var required in o.Requires.Where(r => r != option && seen.Add(r)))
                stack.Push(required);
        }

        return [.. seen];
    }

    private static OptionValuation Value(NetworkSnapshot network, Row row, ImmutableArray<OptionId> optimumBuilds, OptimisationResult inResult, OptimisationResult outResult)
    {
        var r = network.Metadata.DiscountRate;
        var horizon = network.Metadata.HorizonYears;
        var options = row.Valued.Select(network.Option).ToList();
        var capex = options.Sum(o => o.CapexUsd);
        var annualised = options.Sum(o => o.CapexUsd * Finance.CapitalRecoveryFactor(r, o.LifetimeYears));
        var om = options.Sum(o => o.FixedOmUsdPerYear);
        var lifetime = capex > 0 ? (int)Math.Round(options.Sum(o => o.CapexUsd * o.LifetimeYears) / capex) : options.Max(o => o.LifetimeYears);
        var label = Label(row);

        double? operating = null, net = null, saving = null, npv = null, irr = null, payback = null, breakEven = null;
        if (inResult.Objective is { } costIn && outResult.Objective is { } costOut)
        {
            saving = costOut - costIn;
            operating = costOut - (costIn - annualised - om);
            net = operating - om;
            var flows = CashFlows(options, net.Value, r, horizon);
            npv = Finance.NetPresentValue(flows, r);
            // The residual value is re-priced at each trial rate: discounting it at r would mix two rates in one IRR.
            var benefit = net.Value;
            irr = net > 0 ? Finance.InternalRateOfReturn(rate => CashFlows(options, benefit, rate, horizon)) : null;
            payback = Finance.SimplePayback(capex, net.Value);
            breakEven = capex > 0 ? net.Value / (annualised / capex) : Finance.BreakEvenCapex(net.Value, r, lifetime);
        }

        var builtInOptimum = !optimumBuilds.IsEmpty && row.Valued.All(optimumBuilds.Contains);
        var own = network.Option(row.Option);
        double? ownBreakEven = saving is { } sv ? own.CapexUsd + (sv / Finance.CapitalRecoveryFactor(r, own.LifetimeYears)) : null;
        return new OptionValuation(row.Option, row.Kind, label, row.Valued, row.InSolveIn, row.OutSolveOut, builtInOptimum,
            capex, annualised, om, lifetime, inResult.Status, outResult.Status, inResult.Objective, outResult.Objective,
            Outcomes.Built(inResult), Outcomes.Built(outResult), operating, net, saving, npv, irr, payback, breakEven)
        {
            BreakEvenOwnCapexUsd = ownBreakEven,
        };
    }

    /// <summary>How a row is shown: the option, <c>option + prerequisites</c>, or <c>option | prerequisites built</c>.</summary>
    internal static string Label(Row row) => row.Kind switch
    {
        ValuationKind.Bundle => $"{row.Option} + {string.Join(" + ", row.Prerequisites)}",
        ValuationKind.GivenPrerequisites => $"{row.Option} | {string.Join(", ", row.Prerequisites)} built",
        _ => row.Option.Value,
    };

    /// <summary>The cash flows of several options summed (each with its own lifetime, renewals and residual), plus the net benefit.</summary>
    private static double[] CashFlows(List<InvestmentOption> options, double net, double rate, int horizon)
    {
        var flows = Finance.CashFlows(0, 1, net, rate, horizon);
        foreach (var option in options)
        {
            var own = Finance.CashFlows(option.CapexUsd, option.LifetimeYears, 0, rate, horizon);
            for (var t = 0; t < flows.Length; t++)
                flows[t] += own[t];
        }

        return flows;
    }
}
