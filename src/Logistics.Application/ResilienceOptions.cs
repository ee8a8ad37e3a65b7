using Logistics.Analysis;

namespace Logistics.Application;

/// <summary>How a study runs <c>resilience</c>.</summary>
/// <param name="Timing">On a plan over time, the period an outage starts in and how long it lasts; the defaults are the first period and its length.</param>
public sealed record ResilienceOptions(OutageTiming Timing)
{
    public ResilienceOptions()
        : this(new OutageTiming())
    {
    }
}
