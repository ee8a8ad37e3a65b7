using System.Collections.Immutable;

using Google.OrTools.LinearSolver;

using Logistics.Network.Model;
using Logistics.Optimisation.Model;

namespace Logistics.Optimisation.Periods;

/// <summary>
/// The model of a plan over time (docs/model.md, "Plans over time"): one copy of the one-period model per period, on
/// one solver, each built by the same <see cref="ModelBuilder.Families"/>, joined by the options. In period p the
/// copy's build[o] means "o is in service in p" (z[o,p]); rows tie them together:
/// <list type="bullet">
/// <item>monotone[o][p]: z[o,p−1] ≤ z[o,p] (once in service, in service to the horizon's end);</item>
/// <item>the per-period copies of requires, excludes and capexBudget then hold in time (a required option is in service no later);</item>
/// <item>capexBudgetYear[t] and capexBudgetPeriod[p]: outlays of the options entering service, per year or per period.</item>
/// </list>
/// Each copy's operating coefficients are scaled by its period's present value factor; z[o,p] carries
/// C[o,p] − C[o,p+1], where C[o,p] is the present value of entering service at the start of p (capex outlays + O&amp;M
/// to the horizon − residual value), so the objective is the plan's present value in base-year USD. A period in which
/// an option cannot yet be in service (lead time) fixes z[o,p] at 0; forced decisions fix it per their year.
/// </summary>
internal sealed class TimelineModel
{
    private TimelineModel(NetworkSnapshot network, Solver solver, ImmutableArray<OptimisationModel> periods, Discounting discounting,
        ImmutableArray<double> factors, ImmutableArray<(int Variables, int Rows)> starts)
    {
        Network = network;
        Solver = solver;
        Periods = periods;
        Discounting = discounting;
        Factors = factors;
        Starts = starts;
    }

    /// <summary>The plan's snapshot (options, decisions and metadata are read from it).</summary>
    public NetworkSnapshot Network { get; }

    public Solver Solver { get; }

    /// <summary>One-period models, in period order.</summary>
    public ImmutableArray<OptimisationModel> Periods { get; }

    public Discounting Discounting { get; }

    /// <summary>Present value factor per period.</summary>
    public ImmutableArray<double> Factors { get; }

    /// <summary>Index of the first variable and row of each period's copy, and a last entry where the linking rows start.</summary>
    public ImmutableArray<(int Variables, int Rows)> Starts { get; }

    /// <summary>in service in period p: z[o,p].</summary>
    public Variable InService(OptionId option, int period) => Periods[period].Build[option];

    /// <summary>Present value of the option entering service at the start of period p.</summary>
    public OptionPresentValue EntryValue(InvestmentOption option, int period) =>
        OptionCashFlows.PresentValue(option, Network.Periods[period].StartYear, Discounting);

    /// <summary>True when the option can be in service in period p (its lead time allows it).</summary>
    public bool CanServe(InvestmentOption option, int period) =>
        Network.Periods[period].StartYear >= OptionCashFlows.EarliestServiceYear(option, Network.Metadata.BaseYear);

    public static TimelineModel Build(NetworkSnapshot network, Solver solver, bool integerBuilds, ModelOptions options)
    {
        solver.Objective().SetMinimization();
        var discounting = Discounting.For(network);
        var periods = ImmutableArray.CreateBuilder<OptimisationModel>();
        var factors = ImmutableArray.CreateBuilder<double>();
        var starts = ImmutableArray.CreateBuilder<(int, int)>();
        var objective = solver.Objective();
        for (var p = 0; p < network.Periods.Length; p++)
        {
            var period = network.Periods[p];
            var factor = discounting.Annuity(period.StartYear, period.Years);
            var snapshot = WithPlanOptions(network.PeriodNetworks[p], network);
            var first = solver.NumVariables();
            starts.Add((first, solver.NumConstraints()));
            var model = new OptimisationModel(snapshot, solver, integerBuilds, options) { NamePrefix = $"{period.Id}." };
            foreach (var family in ModelBuilder.Families)
                family.Add(model);
            // Operating coefficients are per year: a period counts them at its present value factor.
            var variables = solver.variables();
            for (var i = first; i < solver.NumVariables(); i++)
            {
                var v = variables[i];
                var c = objective.GetCoefficient(v);
                if (c != 0)
                    objective.SetCoefficient(v, c * factor);
            }

            periods.Add(model);
            factors.Add(factor);
        }

        starts.Add((solver.NumVariables(), solver.NumConstraints()));

        var timeline = new TimelineModel(network, solver, periods.ToImmutable(), discounting, factors.ToImmutable(), starts.ToImmutable());
        timeline.AddOptionsInTime();
        timeline.AddBudgetsInTime();
        return timeline;
    }

    /// <summary>
    /// The period's snapshot with the plan's options, every one free: this class sets their bounds per period. What an
    /// option adds is the period's (an analysis that takes a link or port out of one period drops the option's
    /// increments there, and only there); its costs, logic and decision are the plan's.
    /// </summary>
    private static NetworkSnapshot WithPlanOptions(NetworkSnapshot period, NetworkSnapshot plan)
    {
        var builder = NetworkBuilder.From(period);
        foreach (var option in plan.Options)
        {
            var free = option with { Decision = BuildDecision.Free, DecisionYear = null };
            if (period.TryGetOption(option.Id, out var own))
                builder.Replace(free with { CapacityAdds = own.CapacityAdds });
            else
                builder.Add(free with { CapacityAdds = [.. free.CapacityAdds.Where(a => a.Link is { } l ? period.TryGetLink(l, out _) : a.Port is not { } n || period.TryGetNode(n, out _))] });
        }

        return builder.Build();
    }

    private void AddOptionsInTime()
    {
        var objective = Solver.Objective();
        var last = Periods.Length - 1;
        foreach (var option in Network.Options)
        {
            for (var p = 0; p <= last; p++)
            {
                var z = InService(option.Id, p);
                var (lower, upper) = Bounds(option, p);
                z.SetBounds(lower, upper);
                var entry = EntryValue(option, p).Net;
                var later = p < last ? EntryValue(option, p + 1).Net : 0;
                objective.SetCoefficient(z, entry - later);
                if (p == 0)
                    continue;
                var row = Solver.MakeConstraint(double.NegativeInfinity, 0, $"monotone[{option.Id}][{Network.Periods[p].Id}]");
                row.SetCoefficient(InService(option.Id, p - 1), 1);
                row.SetCoefficient(z, -1);
            }
        }
    }

    /// <summary>Bounds of z[o,p]: the lead time first, then a forced decision (from its year, or in every period it can serve).</summary>
    private (double Lower, double Upper) Bounds(InvestmentOption option, int p)
    {
        if (!CanServe(option, p))
            return (0, 0);
        var start = Network.Periods[p].StartYear;
        return option.Decision switch
        {
            BuildDecision.ForcedIn when option.DecisionYear is not { } year || start >= year => (1, 1),
            BuildDecision.ForcedOut when option.DecisionYear is not { } year || start < year => (0, 0),
            _ => (0, 1),
        };
    }

    /// <summary>
    /// Budgets in time: capex paid out per calendar year, and capex of the options entering service per period. On a
    /// refit the rows exist already: their entries are cleared and summed again in the same order as when built.
    /// </summary>
    private void AddBudgetsInTime(bool refit = false)
    {
        var metadata = Network.Metadata;
        var first = Periods[0];
        Constraint Row(string name, double upper)
        {
            if (refit && Solver.LookupConstraintOrNull(name) is { } existing)
            {
                existing.SetUb(upper);
                foreach (var option in Network.Options)
                {
                    for (var p = 0; p < Periods.Length; p++)
                        existing.SetCoefficient(InService(option.Id, p), 0);
                }

                return existing;
            }

            var row = Solver.MakeConstraint(double.NegativeInfinity, upper, name);
            first.Relax(row, -1, SlackKind.BudgetOverrun);
            return row;
        }

        if (metadata.CapexBudgetPerPeriodUsd is { } perPeriod)
        {
            for (var p = 0; p < Periods.Length; p++)
            {
                var row = Row($"capexBudgetPeriod[{Network.Periods[p].Id}]", perPeriod);
                foreach (var option in Network.Options)
                    AddEntry(row, option, p, option.CapexUsd);
            }
        }

        if (metadata.CapexBudgetPerYearUsd is { } perYear)
        {
            var rows = new SortedDictionary<int, Constraint>();
            for (var p = 0; p < Periods.Length; p++)
            {
                foreach (var option in Network.Options.Where(o => CanServe(o, p)))
                {
                    foreach (var (year, usd) in OptionCashFlows.CapexOutlays(option, Network.Periods[p].StartYear))
                    {
                        if (!rows.TryGetValue(year, out var row))
                            row = rows[year] = Row($"capexBudgetYear[{year}]", perYear);
                        AddEntry(row, option, p, usd);
                    }
                }
            }
        }
    }

    /// <summary>
    /// This model seen through another snapshot of the same plan with different figures (a draw): each period's copy
    /// rebound to the draw's period snapshot (<see cref="OptimisationModel.Rebind"/>), discounting from the draw's
    /// metadata. Null when some period's model would have another shape. <see cref="Refit"/> then sets the figures.
    /// </summary>
    public TimelineModel? Rebind(NetworkSnapshot network)
    {
        if (network.Periods.Length != Periods.Length || network.Options.Length != Network.Options.Length)
            return null;
        var discounting = Discounting.For(network);
        var periods = ImmutableArray.CreateBuilder<OptimisationModel>();
        var factors = ImmutableArray.CreateBuilder<double>();
        for (var p = 0; p < Periods.Length; p++)
        {
            if (Periods[p].Rebind(WithPlanOptions(network.PeriodNetworks[p], network)) is not { } model)
                return null;
            periods.Add(model);
            var period = network.Periods[p];
            factors.Add(discounting.Annuity(period.StartYear, period.Years));
        }

        return new TimelineModel(network, Solver, periods.ToImmutable(), discounting, factors.ToImmutable(), Starts);
    }

    /// <summary>
    /// Puts this model's snapshot on the solver: every period's figures at its factor (<see cref="ModelRefit"/>), the
    /// in-service variables' bounds and present values, and the budgets in time. <paramref name="schedule"/>, when
    /// given, fixes the plan: each option named is in service exactly from its year, every other one never.
    /// </summary>
    public void Refit(IReadOnlyDictionary<OptionId, int>? schedule)
    {
        for (var p = 0; p < Periods.Length; p++)
            ModelRefit.Apply(Periods[p], Factors[p], buildObjective: false);
        var objective = Solver.Objective();
        var last = Periods.Length - 1;
        foreach (var option in Network.Options)
        {
            for (var p = 0; p <= last; p++)
            {
                var z = InService(option.Id, p);
                var (lower, upper) = Bounds(option, p);
                if (schedule is not null)
                    lower = upper = schedule.TryGetValue(option.Id, out var year) && Network.Periods[p].StartYear >= year ? 1 : 0;
                ModelRefit.SetBounds(z, lower, upper);
                var entry = EntryValue(option, p).Net;
                var later = p < last ? EntryValue(option, p + 1).Net : 0;
                objective.SetCoefficient(z, entry - later);
            }
        }

        AddBudgetsInTime(refit: true);
    }

    /// <summary>Adds amount × (z[o,p] − z[o,p−1]): paid only when the option enters service in p.</summary>
    private void AddEntry(Constraint row, InvestmentOption option, int p, double amount)
    {
        row.SetCoefficient(InService(option.Id, p), row.GetCoefficient(InService(option.Id, p)) + amount);
        if (p > 0)
            row.SetCoefficient(InService(option.Id, p - 1), row.GetCoefficient(InService(option.Id, p - 1)) - amount);
    }
}
