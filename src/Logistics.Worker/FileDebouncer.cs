namespace Logistics.Worker;

/// <summary>
/// Calls back once per file when it has stopped changing: every change restarts a quiet period, and when the period
/// ends the file's size and write time must still be what they were, or the wait starts again. Editors and copy tools
/// write in several steps; this turns them into one event for a complete file.
/// </summary>
public sealed class FileDebouncer : IDisposable
{
    private readonly TimeProvider _clock;
    private readonly TimeSpan _quiet;
    private readonly Action<string> _onStable;
    private readonly Dictionary<string, Pending> _pending = new(StringComparer.Ordinal);
    private bool _disposed;

    public FileDebouncer(TimeProvider clock, TimeSpan quiet, Action<string> onStable)
    {
        _clock = clock;
        _quiet = quiet;
        _onStable = onStable;
    }

    /// <summary>Files waiting for their quiet period to end.</summary>
    public int Count
    {
        get
        {
            lock (_pending)
            {
                return _pending.Count;
            }
        }
    }

    public void Touch(string path)
    {
        lock (_pending)
        {
            if (_disposed)
            {
                return;
            }

            if (_pending.TryGetValue(path, out Pending? pending))
            {
                pending.Signature = Signature(path);
                pending.Timer.Change(_quiet, Timeout.InfiniteTimeSpan);
                return;
            }

            ITimer timer = _clock.CreateTimer(Elapsed, path, _quiet, Timeout.InfiniteTimeSpan);
            _pending[path] = new Pending(timer, Signature(path));
        }
    }

    public void Dispose()
    {
        lock (_pending)
        {
            _disposed = true;
            foreach (Pending pending in _pending.Values)
            {
                pending.Timer.Dispose();
            }

            _pending.Clear();
        }
    }

    private void Elapsed(object? state)
    {
        string path = (string)state!;
        lock (_pending)
        {
            if (_disposed || !_pending.TryGetValue(path, out Pending? pending))
            {
                return;
            }

            (long, DateTime) now = Signature(path);
            if (now != pending.Signature)
            {
                // Still being written without telling us (network shares): wait another quiet period.
                pending.Signature = now;
                pending.Timer.Change(_quiet, Timeout.InfiniteTimeSpan);
                return;
            }

            pending.Timer.Dispose();
            _pending.Remove(path);
        }

        _onStable(path);
    }

    private static (long Length, DateTime Written) Signature(string path)
    {
        var info = new FileInfo(path);
        return info.Exists ? (info.Length, info.LastWriteTimeUtc) : (-1, DateTime.MinValue);
    }

    private sealed class Pending(ITimer timer, (long, DateTime) signature)
    {
        public ITimer Timer { get; } = timer;

        public (long, DateTime) Signature { get; set; } = signature;
    }
}
