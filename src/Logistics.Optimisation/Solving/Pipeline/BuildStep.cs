using Logistics.Optimisation.Model;

namespace Logistics.Optimisation.Solving.Pipeline;

/// <summary>Step 2: the model's variables and rows (ModelBuilder, one family at a time) and the caller's build hint.</summary>
internal static class BuildStep
{
    public static void Run(SolveRun run)
    {
        var started = run.Clock.Now();
        run.Model = ModelBuilder.Build(run.Network, run.Solver!, integerBuilds: !run.IsLpBackend, run.Options);
        ApplyBuildHint(run.Model, run.Settings);
        run.BuildTime = run.Clock.Since(started);
    }

    /// <summary>Passes <see cref="SolverSettings.BuildHint"/> to the backend; a hint on a fixed (forced) option is dropped.</summary>
    private static void ApplyBuildHint(OptimisationModel model, SolverSettings settings)
    {
        if (settings.BuildHint is not { Count: > 0 } hint || !model.IntegerBuilds)
            return;
        var hinted = model.Build
            .Where(b => hint.ContainsKey(b.Key) && b.Value.Lb() != b.Value.Ub())
            .Select(b => (Variable: b.Value, Value: hint[b.Key] ? 1.0 : 0.0))
            .ToArray();
        if (hinted.Length > 0)
            model.Solver.SetHint([.. hinted.Select(h => h.Variable)], [.. hinted.Select(h => h.Value)]);
    }
}
