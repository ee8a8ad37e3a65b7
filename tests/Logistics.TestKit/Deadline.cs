namespace Logistics.TestKit;

/// <summary>
/// Polls a condition until it holds or a deadline passes, in place of measuring elapsed time with a stopwatch and
/// asserting a bound: the test states what must happen and how long it may take at most, so a slow shared machine
/// makes it wait longer, not fail, while a missing behaviour still fails at the deadline.
/// </summary>
public static class Deadline
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(25);

    /// <summary>True as soon as <paramref name="condition"/> holds; false when <paramref name="within"/> passes first.</summary>
    public static async Task<bool> PollAsync(Func<bool> condition, TimeSpan within, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(condition);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(within);
        while (!condition())
        {
            try
            {
                await Task.Delay(Interval, timeout.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                return condition();
            }
        }

        return true;
    }

    /// <summary>True when <paramref name="task"/> completes within <paramref name="within"/> (its outcome is not observed here).</summary>
    public static async Task<bool> CompletesWithinAsync(Task task, TimeSpan within)
    {
        ArgumentNullException.ThrowIfNull(task);
        var first = await Task.WhenAny(task, Task.Delay(within)).ConfigureAwait(false);
        return first == task;
    }
}
