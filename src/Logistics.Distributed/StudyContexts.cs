using System.Collections.Concurrent;

using Logistics.Network.IO;
using Logistics.Network.Loading;

namespace Logistics.Distributed;

/// <summary>
/// Builds <see cref="StudyContext"/>s from the store, writing the inputs to a local folder first, and keeps the recent
/// ones: the items of one stage that a worker runs share one bound network and one plan (part of keeping the
/// overhead per item small).
/// </summary>
public sealed class StudyContexts(StudyStore store, DistributedOptions options)
{
    private const int Kept = 16;
    private readonly ConcurrentDictionary<(long Study, int Stages), Lazy<Task<StudyContext>>> _contexts = new();

    /// <summary>The context of <paramref name="study"/> with the results of its first <paramref name="stages"/> stages.</summary>
    /// <exception cref="StudyFailedException">The stored inputs do not read as a network.</exception>
    public async Task<StudyContext> GetAsync(StoredStudy study, int stages, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(study);
        if (_contexts.Count > Kept)
            _contexts.Clear();
        var entry = _contexts.GetOrAdd((study.Id, stages), _ => new Lazy<Task<StudyContext>>(() => LoadAsync(study, stages, CancellationToken.None)));
        try
        {
            return await entry.Value.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception) when (entry.Value.IsFaulted)
        {
            _contexts.TryRemove(new KeyValuePair<(long, int), Lazy<Task<StudyContext>>>((study.Id, stages), entry));
            throw;
        }
    }

    private async Task<StudyContext> LoadAsync(StoredStudy study, int stages, CancellationToken cancellationToken)
    {
        var files = await store.InputsAsync(study.InputHash, cancellationToken).ConfigureAwait(false);
        if (files.IsEmpty)
            throw new StudyFailedException($"Study {study.Id}: its input files (content hash {study.InputHash}) are not stored.");
        var path = StudyInputs.Materialise(options.ResolvedInputsFolder, study.InputHash, study.Definition.NetworkFile, files);
        var (source, diagnostics) = NetworkSource.Read(path);
        if (source is null)
            throw new StudyFailedException($"Study {study.Id}: the stored network does not read: {string.Join("; ", diagnostics.Select(d => d.ToString()))}");
        if (source.ContentHash != study.InputHash)
            throw new StudyFailedException($"Study {study.Id}: the stored inputs hash to {source.ContentHash}, not {study.InputHash}; the stored files are damaged.");
        var earlier = await store.StageResultsAsync(study.Id, stages, cancellationToken).ConfigureAwait(false);
        return new StudyContext(study.Id, study.Definition, source, earlier);
    }
}
