using System.Collections.Immutable;

using Logistics.Network.Model;
using Logistics.Optimisation;

namespace Logistics.Analysis;

/// <summary>The years of a plan over time that <c>value</c> reports on.</summary>
/// <param name="BaseYear">The year money is discounted to (metadata.baseYear).</param>
/// <param name="FirstYear">The first period's start.</param>
/// <param name="LastYear">The last period's last year.</param>
/// <param name="OptimumSchedule">The free solve's schedule, by service year.</param>
public sealed record ValueTimeline(int BaseYear, int FirstYear, int LastYear, ImmutableArray<ScheduledOption> OptimumSchedule);
