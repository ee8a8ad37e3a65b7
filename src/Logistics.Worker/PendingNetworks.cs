using System.Threading.Channels;

namespace Logistics.Worker;

/// <summary>
/// Networks whose inputs may have changed, as a set: a flood of events for one file is one entry, so memory is bounded
/// by the number of network files. A network is handed out only while no other check of it runs, so its bundles and
/// <c>latest</c> follow the order of its changes; a change during a run queues one more check.
/// </summary>
public sealed class PendingNetworks
{
    private readonly object _gate = new();
    private readonly SortedSet<string> _pending = new(StringComparer.Ordinal);
    private readonly HashSet<string> _running = new(StringComparer.Ordinal);
    private readonly Channel<bool> _wake = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _pending.Count;
            }
        }
    }

    public void MarkDirty(string networkPath)
    {
        lock (_gate)
        {
            _pending.Add(networkPath);
        }

        _wake.Writer.TryWrite(true);
    }

    /// <summary>Waits for a pending network that is not running, and marks it running.</summary>
    public async Task<string> TakeAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            lock (_gate)
            {
                string? next = _pending.FirstOrDefault(p => !_running.Contains(p));
                if (next is not null)
                {
                    _pending.Remove(next);
                    _running.Add(next);
                    return next;
                }
            }

            await _wake.Reader.ReadAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    public void Finished(string networkPath)
    {
        lock (_gate)
        {
            _running.Remove(networkPath);
        }

        _wake.Writer.TryWrite(true);
    }
}
