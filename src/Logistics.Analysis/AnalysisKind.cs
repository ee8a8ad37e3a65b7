namespace Logistics.Analysis;

/// <summary>
/// The analyses a report or a worker job can run, declared in the order a report presents them. Their user-facing
/// names (<c>--analyses</c>, job files, worker settings, result.json) come from <see cref="AnalysisKinds"/> only.
/// </summary>
public enum AnalysisKind
{
    Solve,
    Compare,
    Value,
    Sweep,
    Resilience,
}
