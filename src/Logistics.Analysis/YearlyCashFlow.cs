using Logistics.Network.Model;
using Logistics.Optimisation;

namespace Logistics.Analysis;

/// <summary>
/// One calendar year of the difference between the best schedule with an option and the best without it (undiscounted
/// base-year real USD; positive favours building). Net = operating saving − capex − fixed O&amp;M + residual.
/// </summary>
/// <param name="OperatingSavingUsd">Yearly operating cost of that year's period without, minus with (a period's saving is the same in each of its years).</param>
/// <param name="CapexUsd">Capex outlays in the year, with minus without (construction spread over the lead time).</param>
/// <param name="FixedOmUsd">Fixed O&amp;M in the year, with minus without.</param>
/// <param name="ResidualUsd">Residual value, with minus without; only in the year after the horizon's last (where it is counted).</param>
public sealed record YearlyCashFlow(int Year, double OperatingSavingUsd, double CapexUsd, double FixedOmUsd, double ResidualUsd)
{
    public double NetUsd => OperatingSavingUsd - CapexUsd - FixedOmUsd + ResidualUsd;
}
