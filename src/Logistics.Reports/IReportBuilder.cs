using Logistics.Optimisation;

namespace Logistics.Reports;

/// <summary>
/// Writes a complete report bundle for one request into a directory the caller owns. The caller (CLI or worker)
/// decides where that directory is and moves it into place; the builder never writes outside it.
/// </summary>
public interface IReportBuilder
{
    Task<ReportOutcome> BuildAsync(ReportRequest request, string outputDirectory, CancellationToken cancellationToken);
}
