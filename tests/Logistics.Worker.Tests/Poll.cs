namespace Logistics.Worker.Tests;

/// <summary>Waits for a condition with a deadline instead of sleeping a fixed time.</summary>
internal static class Poll
{
    public static async Task UntilAsync(Func<bool> condition, string what, int timeoutMs = 8000, LogCapture? logs = null)
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
