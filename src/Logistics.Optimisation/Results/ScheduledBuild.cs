using Logistics.Network.Model;

namespace Logistics.Optimisation;

/// <summary>One option of a plan over time: when it enters service and what it costs in present value (base-year USD).</summary>
/// <param name="ServiceYear">First calendar year in service (the start of <paramref name="Period"/>).</param>
/// <param name="PresentValue">Present value of its capex outlays, O&amp;M to the horizon and residual value.</param>
public sealed record ScheduledBuild(OptionId Id, string Name, int ServiceYear, PeriodId Period, BuildDecision Decision, double CapexUsd, Periods.OptionPresentValue PresentValue);
