using Logistics.Network.Model;

namespace Logistics.Optimisation;

/// <summary>How the solve ran: which backend, how big the model was, and where the time went.</summary>
/// <param name="Backend">Backend actually used (after <see cref="SolverBackend.Auto"/> chose).</param>
/// <param name="BackendName">OR-Tools name of the backend, e.g. <c>SCIP</c>.</param>
/// <param name="OrToolsVersion">OR-Tools library version, e.g. <c>9.15.6755</c>.</param>
/// <param name="BackendVersion">The backend's own version string.</param>
/// <param name="IsMip">True when the model has integer (build) variables that are not fixed.</param>
public sealed record SolverRun(
    SolverBackend Backend,
    string BackendName,
    string OrToolsVersion,
    string BackendVersion,
    bool IsMip,
    int Threads,
    int Variables,
    int Constraints,
    TimeSpan BuildTime,
    TimeSpan SolveTime,
    TimeSpan ExtractTime,
    TimeSpan WallTime)
{
    /// <summary>Time spent on the price LP (fix builds, GLOP, read duals); included in <see cref="WallTime"/>.</summary>
    public TimeSpan PriceTime { get; init; }
}
