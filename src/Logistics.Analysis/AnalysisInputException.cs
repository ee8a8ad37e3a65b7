using System.Collections.Immutable;

using Logistics.Network.Diagnostics;

namespace Logistics.Analysis;

/// <summary>The input of an analysis is invalid (for example a sweep path that matches nothing); the diagnostics say why.</summary>
public sealed class AnalysisInputException : Exception
{
    public AnalysisInputException()
    {
    }

    public AnalysisInputException(string message)
        : base(message)
    {
    }

    public AnalysisInputException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public AnalysisInputException(string message, ImmutableArray<Diagnostic> diagnostics)
        : base(message) => Diagnostics = diagnostics;

    public ImmutableArray<Diagnostic> Diagnostics { get; } = [];
}
