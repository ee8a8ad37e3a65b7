namespace Logistics.Optimisation;

/// <summary>
/// The capital recovery factor, in one place for the optimiser (annualised capex in the objective) and the analyses
/// (NPV, break-even capex), so the two cannot drift apart.
/// </summary>
public static class CapitalRecovery
{
    /// <summary>
    /// The level yearly payment, per USD of capex, that repays it over the asset's life at the discount rate:
    /// r(1+r)^n / ((1+r)^n − 1); 1/n at a zero rate; 1 (all in one year) for a lifetime below one year.
    /// </summary>
    public static double Factor(double rate, int lifetimeYears)
    {
        if (lifetimeYears <= 0)
            return 1;
        if (Math.Abs(rate) < 1e-12)
            return 1.0 / lifetimeYears;
        var growth = Math.Pow(1 + rate, lifetimeYears);
        return rate * growth / (growth - 1);
    }
}
