using Logistics.Network.Model;

namespace Logistics.Optimisation.Periods;

/// <summary>Present value (base-year USD) of an option's capex outlays, its O&amp;M to the horizon, and its residual value (a credit).</summary>
public readonly record struct OptionPresentValue(double Capex, double FixedOm, double Residual)
{
    public double Net => Capex + FixedOm - Residual;
}
