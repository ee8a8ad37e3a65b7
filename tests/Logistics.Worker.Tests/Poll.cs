namespace Logistics.Worker.Tests;

/// <summary>
/// Waits for a condition with a deadline instead of sleeping a fixed time. The default deadline is generous on purpose:
/// a passing test returns as soon as the condition holds, and a loaded 2-core CI machine builds reports several times
/// slower than an idle one; only a failing test waits the whole time.
/// </summary>
internal static class Poll
{
    public const int DefaultTimeoutMs = 30_000;

    public static async Task UntilAsync(Func<bool> condition, string what, int timeoutMs = DefaultTimeoutMs, LogCapture? logs = null)
    {
        DateTime deadline = DateTime.UtcNow.AddMilliseconds(timeoutMs);
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                string log = logs is null ? "" : "\nWorker log:\n" + string.Join("\n", logs.Entries.Select(e => $"  [{e.EventId}] {e.Message}"));
                throw new TimeoutException($"Timed out after {timeoutMs} ms waiting until {what}{log}");
            }

            await Task.Delay(10);
        }
    }
}
