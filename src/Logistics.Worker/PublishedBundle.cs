using Logistics.Reports;

namespace Logistics.Worker;

/// <summary>What <see cref="BundlePublisher.PublishOrReuseAsync"/> did.</summary>
/// <param name="BundleDirectory">Full path of the bundle folder.</param>
/// <param name="Reused">True when a bundle for the same key already existed and nothing was built.</param>
/// <param name="Outcome">The builder's outcome; null when reused (the bundle on disk says how it came out).</param>
public sealed record PublishedBundle(string BundleDirectory, bool Reused, ReportOutcome? Outcome, LatestLink Latest);
