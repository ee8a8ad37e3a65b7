using Logistics.Network.Model;

namespace Logistics.Optimisation.Periods;

/// <summary>
/// Discounting for plans over time (docs/model.md, "Plans over time"): money of calendar year t counts at
/// (1 + r)^−(t − baseYear) in base-year real USD, r the file's real discount rate.
/// </summary>
public sealed class Discounting
{
    public Discounting(int baseYear, double rate, int horizonEndYear)
    {
        BaseYear = baseYear;
        Rate = rate;
        HorizonEndYear = horizonEndYear;
    }

    public static Discounting For(NetworkSnapshot network) =>
        new(network.Metadata.BaseYear, network.Metadata.DiscountRate, network.HorizonEndYear);

    public int BaseYear { get; }

    public double Rate { get; }

    /// <summary>The first year after the horizon: residual values are counted then.</summary>
    public int HorizonEndYear { get; }

    /// <summary>Present value factor of a USD in calendar year <paramref name="year"/>.</summary>
    public double Factor(int year) => Math.Pow(1 + Rate, -(year - BaseYear));

    /// <summary>Σ factors over <paramref name="years"/> years from <paramref name="startYear"/>: what one USD per year in a period is worth today.</summary>
    public double Annuity(int startYear, int years)
    {
        var sum = 0.0;
        for (var t = startYear; t < startYear + years; t++)
            sum += Factor(t);
        return sum;
    }
}
