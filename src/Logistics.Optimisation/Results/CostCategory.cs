namespace Logistics.Optimisation;

/// <summary>Cost categories of the objective. Revenue lines are negative.</summary>
public enum CostCategory
{
    AnnualisedCapex,
    FixedOm,
    Transport,
    PortHandling,
    Transhipment,
    InTransitCapital,
    Risk,
    Revenue,

    /// <summary>Plans over time: present value of capex paid out over construction years.</summary>
    CapexOutlay,

    /// <summary>Plans over time: present value of the residual value at the horizon's end (a credit, negative).</summary>
    ResidualValue,
}
