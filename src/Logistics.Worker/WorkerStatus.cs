using System.Collections.Immutable;

namespace Logistics.Worker;

/// <summary>The worker's live state, shared by the scheduler and the status writer; every change wakes the writer.</summary>
public sealed class WorkerStatus
{
    private readonly object _gate = new();
    private readonly Dictionary<string, RunningWork> _running = new(StringComparer.Ordinal);
    private readonly SortedDictionary<string, NetworkStatus> _networks = new(StringComparer.Ordinal);
    private int _networksPending;
    private int _jobsInInbox;
    private int _waiting;

    /// <summary>Raised after every change (the status writer coalesces them).</summary>
    public event Action? Changed;

    /// <summary>Marks work as running and returns how many items run now, this one included.</summary>
    public int BeginRun(string key, RunningWork work)
    {
        int count;
        lock (_gate)
        {
            _running[key] = work;
            count = _running.Count;
        }

        Changed?.Invoke();
        return count;
    }

    public void EndRun(string key)
    {
        lock (_gate)
        {
            _running.Remove(key);
        }

        Changed?.Invoke();
    }

    public void RecordSuccess(string network, RunResult result) => Update(network, s => s with { LastSuccess = result });

    public void RecordFailure(string network, RunResult result) => Update(network, s => s with { LastFailure = result });

    public void SetQueue(int? networksPending = null, int? jobsInInbox = null, int? waiting = null)
    {
        lock (_gate)
        {
            _networksPending = networksPending ?? _networksPending;
            _jobsInInbox = jobsInInbox ?? _jobsInInbox;
            _waiting = waiting ?? _waiting;
        }

        Changed?.Invoke();
    }

    /// <summary>Takes over the per-network history of a previous run, so a restart does not forget the last failure.</summary>
    public void Restore(IEnumerable<KeyValuePair<string, NetworkStatus>> networks)
    {
        ArgumentNullException.ThrowIfNull(networks);
        lock (_gate)
        {
            foreach ((string name, NetworkStatus status) in networks)
            {
                _networks.TryAdd(name, status);
            }
        }
    }

    public StatusDocument Snapshot(DateTimeOffset now, int maxConcurrentJobs)
    {
        lock (_gate)
        {
            return new StatusDocument(
                now,
                _networksPending + _jobsInInbox + _waiting,
                new QueueStatus(_networksPending, _jobsInInbox, _waiting),
                maxConcurrentJobs,
                [.. _running.OrderBy(r => r.Key, StringComparer.Ordinal).Select(r => r.Value)],
                _networks.ToImmutableSortedDictionary(StringComparer.Ordinal));
        }
    }

    private void Update(string network, Func<NetworkStatus, NetworkStatus> change)
    {
        lock (_gate)
        {
            _networks[network] = change(_networks.GetValueOrDefault(network) ?? new NetworkStatus(null, null));
        }

        Changed?.Invoke();
    }
}
