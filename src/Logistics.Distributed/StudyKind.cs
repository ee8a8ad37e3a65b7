namespace Logistics.Distributed;

/// <summary>Which analysis a study runs (docs/distributed.md, "Studies").</summary>
public enum StudyKind
{
    /// <summary>The base and scenarios side by side (<c>logistics compare</c>): one unit per variant.</summary>
    Compare,

    /// <summary>One field over a range (<c>logistics sweep</c>): the first point, then the other points, then one unit per switching point.</summary>
    Sweep,

    /// <summary>N-1 outages (<c>logistics resilience</c>): the base optimum, then one unit per outage answer.</summary>
    Resilience,

    /// <summary>Monte Carlo draws (<c>logistics uncertainty</c>): the central plan, then one unit per draw and tornado solve, then one per regret evaluation.</summary>
    Uncertainty,

    /// <summary>A whole report bundle (<c>logistics report</c>): its base solve and every analysis's units side by side, stage by stage.</summary>
    Report,
}
