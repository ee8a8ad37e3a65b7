namespace Logistics.Optimisation;

/// <summary>What a finding is about.</summary>
public enum FindingKind
{
    /// <summary>A mine's output cannot leave.</summary>
    SupplyCannotShip,

    /// <summary>A market's minimum cannot be delivered.</summary>
    DemandShortfall,

    /// <summary>A link needs more capacity than it has (or exists only if an option is built that is not).</summary>
    LinkCapacity,

    /// <summary>A port needs more throughput capacity than it has.</summary>
    PortCapacity,

    /// <summary>A policy rule blocks every route some cargo could take.</summary>
    Rule,

    /// <summary>The options needed cost more than the capex budget.</summary>
    Budget,

    /// <summary>Forced options contradict requires/excludes.</summary>
    OptionLogic,
}
