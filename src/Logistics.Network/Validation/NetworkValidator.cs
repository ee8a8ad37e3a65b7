using Logistics.Network.Diagnostics;
using Logistics.Network.IO.Binding;
using Logistics.Network.IO.Json;
using Logistics.Network.Model;

namespace Logistics.Network.Validation;

/// <summary>Runs the check families in a fixed order, each timed as a stage when <see cref="StageTimings"/> are on.</summary>
public static class NetworkValidator
{
    /// <summary>Checks of the file as written (references, option logic, provenance); run on the base snapshot before a scenario's structure.</summary>
    public static IEnumerable<Diagnostic> ValidateDefinitions(ValidationContext context) =>
        ValidateReferences(context).Concat(ValidateProvenance(context));

    /// <summary>References and option logic: they read ids, kinds and links between elements, never a figure's value.</summary>
    public static IEnumerable<Diagnostic> ValidateReferences(ValidationContext context) =>
        Timed("references", ReferenceCheck.Run, context)
            .Concat(Timed("option logic", OptionLogicCheck.Run, context));

    /// <summary>Provenance: every figure against the seeds register (values included, so never reused between variants).</summary>
    public static IEnumerable<Diagnostic> ValidateProvenance(ValidationContext context) => Timed("seeds", SeedCheck.Run, context);

    /// <summary>Checks of the network's structure (reachability, connectivity, capacity, budget); run on the snapshot the optimiser will see.</summary>
    public static IEnumerable<Diagnostic> ValidateSnapshot(ValidationContext context) =>
        Timed("reachability", ReachabilityCheck.Run, context)
            .Concat(Timed("commodity reachability", CommodityReachabilityCheck.Run, context))
            .Concat(Timed("connectivity", ConnectivityCheck.Run, context))
            .Concat(Timed("supply capacity", SupplyCapacityCheck.Run, context))
            .Concat(Timed("budget", BudgetCheck.Run, context))
            .Concat(Timed("port capacity", PortCapacityCheck.Run, context));

    /// <summary>The check's findings, enumerated once, lazily, in order; timed when timings are on (the checks are lazy, so time them as they enumerate).</summary>
    private static IEnumerable<Diagnostic> Timed(string name, Func<ValidationContext, IEnumerable<Diagnostic>> check, ValidationContext context)
    {
        if (StageTimings.Current is null)
            return check(context);
        return StageTimings.Measure($"validate: {name}", () => check(context).ToList());
    }
}
