using Logistics.Network.Model;

namespace Logistics.Optimisation;

/// <summary>Thrown when the cost breakdown recomputed from the solution does not add up to the solver's objective: a bug, said loudly.</summary>
public sealed class CostReconciliationException : Exception
{
    public CostReconciliationException()
    {
    }

    public CostReconciliationException(string message)
        : base(message)
    {
    }

    public CostReconciliationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public CostReconciliationException(double solverObjective, double recomputed)
        : base(FormattableString.Invariant($"Cost breakdown does not reconcile: solver objective {solverObjective:R} USD/yr, recomputed from the solution {recomputed:R} USD/yr. This is a bug in the optimiser."))
    {
        SolverObjective = solverObjective;
        Recomputed = recomputed;
    }

    public double SolverObjective { get; }

    public double Recomputed { get; }
}
