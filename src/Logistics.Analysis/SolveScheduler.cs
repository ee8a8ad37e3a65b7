using System.Collections.Immutable;

using Logistics.Optimisation;

namespace Logistics.Analysis;

/// <summary>
/// Runs independent solves concurrently, at most <see cref="AnalysisSettings.Parallelism"/> at a time, and returns
/// results in the order of the inputs whatever the timing. When more than one solve may run at once, each solve
/// is single-threaded so the cores are not oversubscribed. Every analysis runs its solves through this class.
/// </summary>
public sealed class SolveScheduler
{
    private readonly NetworkOptimiser _optimiser;
    private int _solves;
    private int _unproven;

    public SolveScheduler(AnalysisSettings settings, NetworkOptimiser? optimiser = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        Parallelism = Math.Max(1, settings.Parallelism);
        Settings = Parallelism > 1 ? settings.Solver with { Threads = 1 } : settings.Solver;
        _optimiser = optimiser ?? new NetworkOptimiser(settings.Clock);
    }

    /// <summary>The bound on concurrent work items.</summary>
    public int Parallelism { get; }

    /// <summary>The settings each solve uses (threads forced to 1 when running in parallel).</summary>
    public SolverSettings Settings { get; }

    /// <summary>Solves one network now, on the calling thread.</summary>
    public OptimisationResult Solve(SolveJob job, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(job);
        var result = _optimiser.Solve(job.Network, Settings with { BuildHint = job.BuildHint, ComputePrices = job.WithPrices }, cancellationToken);
        Count(result);
        return result;
    }

    /// <summary>Counts a solve made elsewhere for this scheduler's work (on a kept model: <see cref="KeptModels"/>).</summary>
    internal void Count(OptimisationResult result)
    {
        Interlocked.Increment(ref _solves);
        if (result.Status is SolveStatus.Feasible or SolveStatus.NoSolution)
            Interlocked.Increment(ref _unproven);
    }

    /// <summary>The solves run so far and how many stopped before proving optimality.</summary>
    public SolveTally Tally => new(Volatile.Read(ref _solves), Volatile.Read(ref _unproven));

    /// <summary>Solves every job; result i belongs to job i.</summary>
    public ImmutableArray<OptimisationResult> SolveAll(IReadOnlyList<SolveJob> jobs, CancellationToken cancellationToken = default) =>
        Map(jobs, (job, ct) => Solve(job, ct), cancellationToken);

    /// <summary>
    /// Runs <paramref name="work"/> on every item with the concurrency bound; result i belongs to item i. Work items
    /// may solve more than once (a bisection); they must not depend on each other.
    /// </summary>
    public ImmutableArray<TResult> Map<TItem, TResult>(IReadOnlyList<TItem> items, Func<TItem, CancellationToken, TResult> work, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(work);
        var results = new TResult[items.Count];
        if (Parallelism == 1 || items.Count <= 1)
        {
            for (var i = 0; i < items.Count; i++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                results[i] = work(items[i], cancellationToken);
            }
        }
        else
        {
            var options = new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = cancellationToken };
            try
            {
                Parallel.For(0, items.Count, options, i => results[i] = work(items[i], cancellationToken));
            }
            catch (AggregateException aggregate)
            {
                // Callers handle the work's own exceptions (an invalid sweep value) whatever the parallelism: rethrow the first as itself.
                var first = aggregate.Flatten().InnerExceptions[0];
                System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(first).Throw();
                throw;
            }
        }

        return [.. results];
    }
}
