namespace Logistics.Worker;

/// <summary>
/// A file-system watcher on one folder that reports changed <c>*.json</c> paths and, when the watcher loses events
/// (its buffer overflowed), asks for a full rescan instead of silently missing a change.
/// </summary>
public sealed class FolderWatcher : IDisposable
{
    private readonly FileSystemWatcher _watcher;

    public FolderWatcher(string folder, bool includeSubdirectories, Action<string> onChanged, Action<Exception> onLostEvents)
    {
        ArgumentNullException.ThrowIfNull(onChanged);
        ArgumentNullException.ThrowIfNull(onLostEvents);
        _watcher = new FileSystemWatcher(folder, "*.json")
        {
            IncludeSubdirectories = includeSubdirectories,
            NotifyFilter = NotifyFilters.FileName | NotifyFilters.LastWrite | NotifyFilters.Size | NotifyFilters.CreationTime,
            InternalBufferSize = 64 * 1024,
        };
        _watcher.Created += (_, e) => onChanged(e.FullPath);
        _watcher.Changed += (_, e) => onChanged(e.FullPath);
        _watcher.Renamed += (_, e) => onChanged(e.FullPath);
        _watcher.Error += (_, e) => onLostEvents(e.GetException());
        _watcher.EnableRaisingEvents = true;
    }

    public void Dispose() => _watcher.Dispose();
}
