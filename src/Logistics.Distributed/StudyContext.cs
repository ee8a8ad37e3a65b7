using System.Collections.Concurrent;
using System.Collections.Immutable;

using Logistics.Analysis;
using Logistics.Network.Loading;
using Logistics.Network.Model;

namespace Logistics.Distributed;

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
