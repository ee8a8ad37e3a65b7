using System.Collections.Concurrent;
using System.Collections.Immutable;

using Logistics.Analysis;
using Logistics.Network.IO;
using Logistics.Network.Loading;
using Logistics.Network.Model;

namespace Logistics.Distributed;

/// <summary>
/// One kind of study as stages of independent units. Stage s+1's units may depend on stage s's results (a sweep's
/// grid points are hinted with its first point's builds), never on each other. Unit results are the analysis's own
/// records serialised with <see cref="AnalysisJson"/>, and <see cref="Assemble"/> hands them back to the analysis
/// class, so the assembled report is the single-machine one. A new kind adds a <see cref="StudyKind"/> and an
/// implementation in <see cref="StudyPlans.For"/>.
/// </summary>
public interface IStudyPlan
{
    /// <summary>How many units stage <paramref name="stage"/> has, knowing every earlier stage; null when the study is complete.</summary>
    int? UnitCount(StudyContext study, int stage);

    /// <summary>Runs one unit and returns its result record as JSON.</summary>
    string RunUnit(StudyContext study, int stage, int unit, SolveScheduler scheduler, CancellationToken cancellationToken);

    /// <summary>
    /// The record that stands for a unit that failed every attempt, saying why; null to leave it out.
    /// </summary>
    /// <exception cref="StudyFailedException">Later stages cannot go on without this unit.</exception>
    string? Substitute(StudyContext study, int stage, int unit, string reason);

    /// <summary>The analysis report assembled from every stage, serialised as the CLI's <c>--json</c> writes it.</summary>
    string Assemble(StudyContext study, SolveTally tally);
}

/// <summary>A study that cannot be assembled: a unit everything else depends on failed, or the base has no solution.</summary>
public sealed class StudyFailedException(string message) : Exception(message);

/// <summary>The plan of each study kind.</summary>
public static class StudyPlans
{
    public static IStudyPlan For(StudyKind kind) => kind switch
    {
        StudyKind.Compare => CompareStudy.Instance,
        StudyKind.Sweep => SweepStudy.Instance,
        StudyKind.Resilience => ResilienceStudy.Instance,
        StudyKind.Uncertainty => UncertaintyStudy.Instance,
        StudyKind.Report => ReportStudy.Instance,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "No plan for this study kind."),
    };
}

/// <summary>
/// What a unit needs: the definition, the inputs read from the stored files, the settings, and the unit results of
/// every earlier stage. Objects derived from them (the bound network, a sweep's plan) are cached, so the items of one
/// study that a worker runs bind and plan once.
/// </summary>
public sealed class StudyContext(long id, StudyDefinition definition, NetworkSource source, ImmutableArray<ImmutableArray<string?>> earlierStages)
{
    private readonly ConcurrentDictionary<string, Lazy<object>> _cache = new(StringComparer.Ordinal);

    public long Id { get; } = id;

    public StudyDefinition Definition { get; } = definition;

    public NetworkSource Source { get; } = source;

    public AnalysisSettings Settings { get; } = definition.AnalysisSettings();

    /// <summary>Unit results of the stages before this one (null for a unit left out after failing).</summary>
    public ImmutableArray<ImmutableArray<string?>> EarlierStages { get; } = earlierStages;

    /// <summary>Made once per context, whatever the number of threads asking.</summary>
    public T Cached<T>(string key, Func<T> make)
        where T : class => (T)_cache.GetOrAdd(key, _ => new Lazy<object>(() => make())).Value;

    /// <summary>Every unit result of stage <paramref name="stage"/> as <typeparamref name="T"/>, null where left out.</summary>
    public ImmutableArray<T?> Stage<T>(int stage)
        where T : class => Cached($"stage{stage}:{typeof(T).Name}", () => new Box<ImmutableArray<T?>>([.. EarlierStages[stage].Select(j => j is null ? null : AnalysisJson.Deserialize<T>(j))])).Value;

    /// <summary>The network with the definition's scenario, bound once.</summary>
    public NetworkSnapshot Network() => Cached("network", () =>
    {
        var load = Source.Bind(new LoadOptions { Scenario = Definition.Scenario });
        if (!load.Succeeded || load.Network is null)
            throw new StudyFailedException($"The network{(Definition.Scenario is null ? "" : $" with scenario {Definition.Scenario}")} does not load: {string.Join("; ", load.Errors.Select(e => e.ToString()))}");
        return load.Network;
    });

    private sealed record Box<T>(T Value);
}
