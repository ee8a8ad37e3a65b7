using System.Collections.Immutable;
using System.Diagnostics;

namespace Logistics.Network.Diagnostics;

/// <summary>
/// Where a run's time goes, stage by stage (<c>--timings</c>; docs/benchmarks.md, "Where the time goes"). Off unless a
/// host sets <see cref="Current"/> for its flow of work, so library code records stages at no cost otherwise and the
/// output of ordinary runs stays byte-identical.
/// </summary>
public sealed class StageTimings
{
    private static readonly AsyncLocal<StageTimings?> Ambient = new();
    private readonly Lock _gate = new();
    private readonly List<StageTime> _stages = [];

    /// <summary>The recorder of the current flow of work; null when nobody asked for timings.</summary>
    public static StageTimings? Current
    {
        get => Ambient.Value;
        set => Ambient.Value = value;
    }

    /// <summary>The stages in the order they ended; a stage that runs more than once appears more than once.</summary>
    public ImmutableArray<StageTime> Stages
    {
        get
        {
            lock (_gate)
                return [.. _stages];
        }
    }

    /// <summary>Records a stage measured elsewhere.</summary>
    public void Add(string stage, TimeSpan elapsed, long? allocatedBytes = null)
    {
        lock (_gate)
            _stages.Add(new StageTime(stage, elapsed) { AllocatedBytes = allocatedBytes });
    }

    /// <summary>Runs <paramref name="work"/> and, when timings are on, records how long it took under <paramref name="stage"/>.</summary>
    public static T Measure<T>(string stage, Func<T> work)
    {
        ArgumentNullException.ThrowIfNull(work);
        if (Current is not { } timings)
            return work();
        var allocated = GC.GetAllocatedBytesForCurrentThread();
        var started = Stopwatch.GetTimestamp();
        var result = work();
        timings.Add(stage, Stopwatch.GetElapsedTime(started), GC.GetAllocatedBytesForCurrentThread() - allocated);
        return result;
    }
}
