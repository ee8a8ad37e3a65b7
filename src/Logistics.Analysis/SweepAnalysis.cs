using System.Collections.Immutable;
using System.Globalization;

using Logistics.Network.IO;
using Logistics.Network.Loading;
using Logistics.Network.Model;
using Logistics.Optimisation;

namespace Logistics.Analysis;

/// <summary>
/// Varies one numeric field over a range and finds where the builds switch (docs/analyses.md, "sweep"). The network
/// (with its scenario) is bound once and the path compiled once (<see cref="NetworkSource.Compile"/>); every grid
/// point and bisection step is that snapshot with the path's figures set (<see cref="NetworkSource.TryVary"/>), checked
/// for the changed figures only. A path a snapshot cannot take (a field the file does not write, a derived length), or
/// a value that fails a check, is bound from the file's tree with <see cref="LoadOptions.ExtraChanges"/> as before, so
/// its error is the binder's. Grid points run concurrently, and every solve is hinted with the builds of the first grid
/// point (bisections with those of the lower end of their bracket), so the hints, and hence the answers, do not depend on timing.
/// </summary>
public static class SweepAnalysis
{
    /// <summary>Bisection stops after this many halvings even if the tolerance is not reached (2^-60 of the step is below double precision).</summary>
    public const int MaxBisections = 60;

    /// <summary>Binds each value and solves it, then brackets every switching point by bisection.</summary>
    /// <exception cref="AnalysisInputException">The request is malformed, or the path matches nothing or makes the network invalid.</exception>
    public static SweepReport Run(NetworkSource source, SweepRequest request, AnalysisSettings settings, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var plan = Plan(source, request);
        var scheduler = new SolveScheduler(settings);

        var firstResult = scheduler.Solve(new SolveJob(plan.First), cancellationToken);
        var hint = Outcomes.Hint(firstResult);
        var rest = scheduler.Map(Enumerable.Range(1, plan.Values.Length - 1).ToList(), (i, ct) => GridPoint(plan, i, hint, scheduler, ct), cancellationToken);
        var points = rest.Insert(0, FirstPoint(plan, firstResult));
        var switches = scheduler.Map(Brackets(points), (b, ct) => Bisect(plan, b, scheduler, ct), cancellationToken);
        return Assemble(plan, points, switches, scheduler.Tally);
    }

    /// <summary>Checks the request and binds both ends of the range (a path that matches nothing, or a value that breaks validation, is the user's error).</summary>
    /// <exception cref="AnalysisInputException">The request is malformed, or the path matches nothing or makes the network invalid.</exception>
    public static SweepPlan Plan(NetworkSource source, SweepRequest request)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(request);
        if (request.Steps < 2)
            throw new AnalysisInputException("A sweep needs at least 2 steps (both ends of the range).");
        if (!double.IsFinite(request.From) || !double.IsFinite(request.To) || request.From == request.To)
            throw new AnalysisInputException("The sweep range must be two different finite numbers.");
        var step = (request.To - request.From) / (request.Steps - 1);
        var tolerance = request.Tolerance ?? Math.Abs(step) / 1000;
        if (!(tolerance > 0))
            throw new AnalysisInputException("The tolerance must be a positive number.");

        var compiled = source.Compile(new ScenarioChange(request.Path, ChangeOperation.Set, request.From), request.Scenario);
        var basis = compiled.OnSnapshot ? source.Bind(new LoadOptions { Scenario = request.Scenario }) : null;
        var onSnapshot = basis is { Succeeded: true } ? compiled : null;
        var first = Vary(source, request, basis, onSnapshot, request.From);
        var last = Vary(source, request, basis, onSnapshot, request.To);
        var values = Enumerable.Range(0, request.Steps).Select(i => i == request.Steps - 1 ? request.To : request.From + (i * step)).ToImmutableArray();
        return new SweepPlan(source, request, tolerance, values, first, last) { Basis = onSnapshot is null ? null : basis, Compiled = onSnapshot };
    }

    /// <summary>The first grid point from its solve (every other solve is hinted with its builds).</summary>
    public static SweepPoint FirstPoint(SweepPlan plan, OptimisationResult firstResult)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(firstResult);
        return ToPoint(plan.First, plan.Request.From, firstResult);
    }

    /// <summary>Grid point <paramref name="index"/> (1 or more), hinted with the first point's builds.</summary>
    public static SweepPoint GridPoint(SweepPlan plan, int index, ImmutableDictionary<OptionId, bool>? hint, SolveScheduler scheduler, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(scheduler);
        var v = plan.Values[index];
        return Point(v == plan.Request.To ? plan.Last : Vary(plan, v), v, hint, scheduler, cancellationToken);
    }

    /// <summary>Neighbouring optimal grid points whose builds differ: each holds a switching point.</summary>
    public static ImmutableArray<SweepBracket> Brackets(ImmutableArray<SweepPoint> points) =>
        [.. Enumerable.Range(0, points.Length - 1)
            .Where(i => points[i].Status == SolveStatus.Optimal && points[i + 1].Status == SolveStatus.Optimal && !points[i].SamePlan(points[i + 1]))
            .Select(i => new SweepBracket(points[i], points[i + 1]))];

    /// <summary>The report from every grid point (in order of value) and the switching point of every bracket.</summary>
    public static SweepReport Assemble(SweepPlan plan, ImmutableArray<SweepPoint> points, IReadOnlyList<SwitchingPoint> switches, SolveTally tally)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(switches);
        var request = plan.Request;
        var ports = plan.First.NodesOfKind(NodeKind.Port).Select(p => p.Id).ToImmutableArray();
        var solves = points.Length + switches.Sum(s => s.Bisections);
        return new SweepReport(request.Path, request.Scenario, request.From, request.To, plan.Tolerance, ports, points, [.. switches], solves)
        {
            Tally = tally,
            PresentValueBaseYear = plan.First.IsPeriodised ? plan.First.Metadata.BaseYear : null,
        };
    }

    private static SweepPoint Point(NetworkSnapshot network, double value, ImmutableDictionary<OptionId, bool>? hint, SolveScheduler scheduler, CancellationToken ct) =>
        ToPoint(network, value, scheduler.Solve(new SolveJob(network, hint), ct));

    private static SweepPoint ToPoint(NetworkSnapshot network, double value, OptimisationResult result) =>
        new(value, result.Status, result.Objective, Outcomes.Built(result), result.HasSolution ? Outcomes.PortShares(network, result) : [])
        {
            Schedule = network.IsPeriodised ? ScheduledOption.Of(result) : null,
        };

    /// <summary>
    /// Halves the bracket until it is narrower than the tolerance, keeping the end whose builds match (over time: the
    /// same options in the same years). If the middle builds a third set, the bracket follows the lower change (the
    /// first switch above the bracket's lower end).
    /// </summary>
    public static SwitchingPoint Bisect(SweepPlan plan, SweepBracket bracket, SolveScheduler scheduler, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(bracket);
        ArgumentNullException.ThrowIfNull(scheduler);
        var tolerance = plan.Tolerance;
        var low = bracket.Lower;
        var high = bracket.Upper;
        var count = 0;
        while (Math.Abs(high.Value - low.Value) > tolerance && count < MaxBisections)
        {
            var mid = (low.Value + high.Value) / 2;
            var network = Vary(plan, mid);
            var hint = low.Built.ToImmutableDictionary(b => b, _ => true)
                .AddRange(network.Options.Where(o => !low.Built.Contains(o.Id)).Select(o => KeyValuePair.Create(o.Id, false)));
            var point = Point(network, mid, hint, scheduler, ct);
            count++;
            if (point.Status == SolveStatus.Optimal && point.SamePlan(low))
                low = point;
            else
                high = point;
        }

        return new SwitchingPoint(low.Value, high.Value, (low.Value + high.Value) / 2, low.Built, high.Built, count)
        {
            ScheduleBelow = low.Schedule,
            ScheduleAbove = high.Schedule,
        };
    }

    private static NetworkSnapshot Vary(SweepPlan plan, double value) => Vary(plan.Source, plan.Request, plan.Basis, plan.Compiled, value);

    /// <summary>The network at one value: the compiled path's figures set on the bound snapshot, or (when that cannot be) bound from the tree.</summary>
    private static NetworkSnapshot Vary(NetworkSource source, SweepRequest request, LoadResult? basis, CompiledChange? compiled, double value)
    {
        if (basis is not null && compiled is not null && source.TryVary(basis, new FigureChangeSet(compiled.At(value))) is { } variant)
            return variant;
        return Bind(source, request, value);
    }

    private static NetworkSnapshot Bind(NetworkSource source, SweepRequest request, double value)
    {
        var load = source.Bind(new LoadOptions
        {
            Scenario = request.Scenario,
            ExtraChanges = [new ScenarioChange(request.Path, ChangeOperation.Set, value)],
        });
        if (!load.Succeeded || load.Network is null)
        {
            throw new AnalysisInputException(
                string.Create(CultureInfo.InvariantCulture, $"Setting {request.Path} to {value:G6} does not give a valid network."),
                load.Errors);
        }

        return load.Network;
    }
}
