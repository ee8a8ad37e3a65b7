using System.Collections.Immutable;
using System.Globalization;

using Logistics.Network.IO;
using Logistics.Network.Model;
using Logistics.Optimisation;

namespace Logistics.Analysis;

/// <summary>
/// Varies one numeric field over a range and finds where the builds switch (docs/analyses.md, "sweep"). Every value
/// is bound from the one in-memory <see cref="NetworkSource"/> with <see cref="LoadOptions.ExtraChanges"/>; grid
/// points run concurrently, and every solve is hinted with the builds of the first grid point (bisections with those
/// of the lower end of their bracket), so the hints, and hence the answers, do not depend on timing.
/// </summary>
public static class SweepAnalysis
{
    /// <summary>Bisection stops after this many halvings even if the tolerance is not reached (2^-60 of the step is below double precision).</summary>
    public const int MaxBisections = 60;

    /// <summary>Binds each value and solves it, then brackets every switching point by bisection.</summary>
    /// <exception cref="AnalysisInputException">The request is malformed, or the path matches nothing or makes the network invalid.</exception>
    public static SweepReport Run(NetworkSource source, SweepRequest request, AnalysisSettings settings, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(settings);
        if (request.Steps < 2)
            throw new AnalysisInputException("A sweep needs at least 2 steps (both ends of the range).");
        if (!double.IsFinite(request.From) || !double.IsFinite(request.To) || request.From == request.To)
            throw new AnalysisInputException("The sweep range must be two different finite numbers.");
        var step = (request.To - request.From) / (request.Steps - 1);
        var tolerance = request.Tolerance ?? Math.Abs(step) / 1000;
        if (!(tolerance > 0))
            throw new AnalysisInputException("The tolerance must be a positive number.");

        // Bind both ends first: a path that matches nothing, or a value that breaks validation, is the user's error.
        var first = Bind(source, request, request.From);
        var last = Bind(source, request, request.To);
        var ports = first.NodesOfKind(NodeKind.Port).Select(p => p.Id).ToImmutableArray();
        var scheduler = new SolveScheduler(settings);

        var firstResult = scheduler.Solve(new SolveJob(first), cancellationToken);
        var hint = Outcomes.Hint(firstResult);
        var values = Enumerable.Range(0, request.Steps).Select(i => i == request.Steps - 1 ? request.To : request.From + (i * step)).ToList();
        var rest = scheduler.Map(values.Skip(1).ToList(), (v, ct) => Point(v == request.To ? last : Bind(source, request, v), v, hint, scheduler, ct), cancellationToken);
        var points = rest.Insert(0, ToPoint(first, request.From, firstResult));

        var brackets = Enumerable.Range(0, points.Length - 1)
            .Where(i => points[i].Status == SolveStatus.Optimal && points[i + 1].Status == SolveStatus.Optimal && !points[i].Built.SequenceEqual(points[i + 1].Built))
            .Select(i => (Lower: points[i], Upper: points[i + 1]))
            .ToList();
        var switches = scheduler.Map(brackets, (b, ct) => Bisect(source, request, b.Lower, b.Upper, tolerance, scheduler, ct), cancellationToken);
        var solves = points.Length + switches.Sum(s => s.Bisections);
        return new SweepReport(request.Path, request.Scenario, request.From, request.To, tolerance, ports, points, switches, solves) { Tally = scheduler.Tally };
    }

    private static SweepPoint Point(Network.Model.Network network, double value, ImmutableDictionary<OptionId, bool>? hint, SolveScheduler scheduler, CancellationToken ct) =>
        ToPoint(network, value, scheduler.Solve(new SolveJob(network, hint), ct));

    private static SweepPoint ToPoint(Network.Model.Network network, double value, OptimisationResult result) =>
        new(value, result.Status, result.Objective, Outcomes.Built(result), result.HasSolution ? Outcomes.PortShares(network, result) : []);

    /// <summary>
    /// Halves the bracket until it is narrower than the tolerance, keeping the end whose builds match. If the middle
    /// builds a third set, the bracket follows the lower change (the first switch above <paramref name="lower"/>).
    /// </summary>
    private static SwitchingPoint Bisect(NetworkSource source, SweepRequest request, SweepPoint lower, SweepPoint upper, double tolerance, SolveScheduler scheduler, CancellationToken ct)
    {
        var low = lower;
        var high = upper;
        var count = 0;
        while (Math.Abs(high.Value - low.Value) > tolerance && count < MaxBisections)
        {
            var mid = (low.Value + high.Value) / 2;
            var network = Bind(source, request, mid);
            var hint = low.Built.ToImmutableDictionary(b => b, _ => true)
                .AddRange(network.Options.Where(o => !low.Built.Contains(o.Id)).Select(o => KeyValuePair.Create(o.Id, false)));
            var point = Point(network, mid, hint, scheduler, ct);
            count++;
            if (point.Status == SolveStatus.Optimal && point.Built.SequenceEqual(low.Built))
                low = point;
            else
                high = point;
        }

        return new SwitchingPoint(low.Value, high.Value, (low.Value + high.Value) / 2, low.Built, high.Built, count);
    }

    private static Network.Model.Network Bind(NetworkSource source, SweepRequest request, double value)
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
