using System.Threading.Channels;

namespace Logistics.Worker;

/// <summary>How the scheduler's long-running loops end: a stop (cancellation, or the channel closed behind them) is their normal end, not an error.</summary>
internal static class Loops
{
    public static async Task UntilStopped(Func<Task> loop)
    {
        try
        {
            await loop().ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // Stopping.
        }
        catch (ChannelClosedException)
        {
            // Stopping.
        }
    }
}
