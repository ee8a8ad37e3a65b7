using System.Globalization;

namespace Logistics.TestKit;

/// <summary>
/// The size of a synthetic instance; its name carries every parameter, so a name reproduces the network.
/// Two optional factors make candidate links worth building (both 1 by default, and then absent from the name):
/// <paramref name="CapexFactor"/> (suffix <c>-k0.05</c>) scales every candidate link's capex, and
/// <paramref name="CapacityFactor"/> (suffix <c>-x0.1</c>) scales the capacity of every existing rail and road link
/// other than the dear spanning chain, an unlimited one counting as 2 Mt/yr, so corridors fall short and flow must pay
/// the chain's road rate or a new link. Neither draws from the random stream: with factors the instance has the same
/// places, links and costs as without, and only its capex and capacities differ.
/// <paramref name="Periods"/> (suffix <c>-p3</c>; 1, a one-year model, by default) makes a plan over time of that many
/// five-year periods from 2028, mine output growing by <see cref="GrowthPerPeriod"/> from each period to the next, and
/// every option a construction lead time of 0–3 years drawn from a second seeded stream, so the first period's figures
/// equal the one-period instance's.
/// </summary>
public sealed record InstanceSize(int Nodes, int Links, int Classes, int Options, int Seed, double CapexFactor = 1, double CapacityFactor = 1, int Periods = 1)
{
    /// <summary>Each period's mine output over the previous period's (a period change multiplying every supply).</summary>
    public const double GrowthPerPeriod = 1.2;

    /// <summary>Years in each period of a periodised instance.</summary>
    public const int YearsPerPeriod = 5;

    /// <summary>What an unlimited existing link holds once a capacity factor applies, before the factor.</summary>
    public const double UnlimitedAsTonnes = 2e6;

    public string Name => string.Create(CultureInfo.InvariantCulture, $"synthetic-n{Nodes}-l{Links}-c{Classes}-o{Options}-s{Seed}")
        + (CapexFactor == 1 ? "" : string.Create(CultureInfo.InvariantCulture, $"-k{CapexFactor:R}"))
        + (CapacityFactor == 1 ? "" : string.Create(CultureInfo.InvariantCulture, $"-x{CapacityFactor:R}"))
        + (Periods == 1 ? "" : string.Create(CultureInfo.InvariantCulture, $"-p{Periods}"));

    /// <summary>Parses <c>synthetic-n1000-l4000-c30-o700-s42</c>, optionally followed by <c>-k0.05</c>, <c>-x0.1</c> and/or <c>-p3</c>.</summary>
    public static InstanceSize Parse(string name)
    {
        var parts = name.Split('-');
        if (parts.Length is < 6 or > 9 || parts[0] != "synthetic")
            throw new FormatException($"'{name}' is not an instance name like synthetic-n1000-l4000-c30-o700-s42 or synthetic-n1000-l4000-c30-o700-s42-k0.05-x0.1-p3.");
        int Number(string part, char prefix) => part[0] == prefix
            ? int.Parse(part.AsSpan(1), NumberStyles.None, CultureInfo.InvariantCulture)
            : throw new FormatException($"'{name}': expected '{prefix}' in '{part}'.");
        double Factor(char prefix)
        {
            var part = parts.Skip(6).FirstOrDefault(p => p.Length > 0 && p[0] == prefix);
            if (part is null)
                return 1;
            return double.TryParse(part.AsSpan(1), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var factor) && factor > 0
                ? factor
                : throw new FormatException($"'{name}': expected a positive factor like '{prefix}0.1' in '{part}'.");
        }

        int Count(char prefix)
        {
            var part = parts.Skip(6).FirstOrDefault(p => p.Length > 0 && p[0] == prefix);
            if (part is null)
                return 1;
            return int.TryParse(part.AsSpan(1), NumberStyles.None, CultureInfo.InvariantCulture, out var count) && count >= 1
                ? count
                : throw new FormatException($"'{name}': expected a whole number of periods like '{prefix}3' in '{part}'.");
        }

        var size = new InstanceSize(Number(parts[1], 'n'), Number(parts[2], 'l'), Number(parts[3], 'c'), Number(parts[4], 'o'), Number(parts[5], 's'), Factor('k'), Factor('x'), Count('p'));
        if (size.Name != name)
            throw new FormatException($"'{name}': unknown or repeated suffix; the name would be {size.Name}.");
        return size;
    }
}
