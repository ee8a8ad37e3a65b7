namespace Logistics.Network.Model;

/// <summary>Name, currency and the finance assumptions used to annualise capital costs.</summary>
/// <param name="DiscountRate">Real discount rate per year, as a fraction (0.08 = 8%).</param>
/// <param name="HorizonYears">Appraisal horizon in years; option lifetimes beyond it are handled by the annuity (see docs/model.md).</param>
/// <param name="CapexBudgetUsd">Upper bound on the total capex of built options; null for no budget.</param>
public sealed record NetworkMetadata(
    string Name,
    string Description,
    string Currency,
    int BaseYear,
    double DiscountRate,
    int HorizonYears,
    double? CapexBudgetUsd)
{
    /// <summary>Upper bound on the capex paid out in any one calendar year (plans over time only); null for none.</summary>
    public double? CapexBudgetPerYearUsd { get; init; }

    /// <summary>Upper bound on the capex of the options that enter service in any one period (plans over time only); null for none.</summary>
    public double? CapexBudgetPerPeriodUsd { get; init; }
}
