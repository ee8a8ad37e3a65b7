namespace Logistics.Optimisation;

/// <summary>Which OR-Tools backend solves the model. <see cref="Auto"/> picks by what the model needs (docs/model.md, "Backends").</summary>
public enum SolverBackend
{
    Auto,
    Scip,
    Cbc,
    Highs,
    CpSat,
    Glop,
}
