namespace Logistics.Analysis;

/// <summary>What every analysis report says about its solves, so callers can state an unproven result the same way.</summary>
public interface IAnalysisReport
{
    SolveTally Tally { get; }
}
