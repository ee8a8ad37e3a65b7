using System.Globalization;

using Logistics.Network.Diagnostics;
using Logistics.Network.Model;

namespace Logistics.Network.Validation;

/// <summary>A capex budget below the cheapest free option makes every option unbuildable: almost certainly a typo.</summary>
public static class BudgetCheck
{
    public static IEnumerable<Diagnostic> Run(ValidationContext c)
    {
        if (c.Network.Metadata.CapexBudgetUsd is not { } budget) yield break;
        var buildable = c.Network.Options.Where(o => o.Decision != BuildDecision.ForcedOut).ToList();
        if (buildable.Count == 0) yield break;
        var cheapest = buildable.MinBy(o => o.CapexUsd)!;
        if (budget < cheapest.CapexUsd)
        {
            yield return c.At(DiagnosticCodes.BudgetBelowCheapest, "metadata.capexBudgetUsd",
                $"The capex budget {Money(budget)} is below the cheapest option, '{cheapest.Id}' at {Money(cheapest.CapexUsd)}; no option can be built.");
        }
    }

    internal static string Money(double usd) => "USD " + usd.ToString("#,0", CultureInfo.InvariantCulture);
}
