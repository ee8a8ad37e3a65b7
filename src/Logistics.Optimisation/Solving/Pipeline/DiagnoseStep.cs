namespace Logistics.Optimisation.Solving.Pipeline;

/// <summary>
/// Post-processing of an infeasible model: the elastic re-solve that says what cannot be done (docs/model.md,
/// "Infeasibility diagnosis"), worded by <see cref="InfeasibilityWording"/>. The wall time then includes its two solves.
/// </summary>
internal static class DiagnoseStep
{
    public static InfeasibilityDiagnosis Run(SolveRun run) =>
        InfeasibilityDiagnoser.Diagnose(run.Network, run.Backend, run.Clock.Remaining, run.Options);
}
