using Google.OrTools.LinearSolver;

namespace Logistics.Optimisation.Solving;

/// <summary>
/// Loads the OR-Tools native library on a pool thread while a host reads and binds its input, so the first solver the
/// solve creates does not wait for it. In <c>logistics-solve</c> on a converted CFLP file that load was 55–90 ms of a
/// 620 ms process (the "optimiser, other" stage of <c>--timings</c>), paid after the file was read; with two cores the
/// two overlap. Nothing the solve computes depends on it: the answer is the same with or without it.
/// </summary>
public static class BackendWarmUp
{
    private static int _started;

    /// <summary>Starts the load once per process; later calls do nothing. A failure is left to the solve, which reports it.</summary>
    public static void Start()
    {
        if (Interlocked.Exchange(ref _started, 1) == 1)
            return;
        _ = Task.Run(static () =>
        {
            try
            {
                using var solver = Solver.CreateSolver("GLOP");
            }
            catch (DllNotFoundException)
            {
                // The solve creates its own solver and says what is missing.
            }
            catch (TypeInitializationException)
            {
            }
        });
    }
}
