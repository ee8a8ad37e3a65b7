using Logistics.Reports;
using Microsoft.Extensions.Logging;

namespace Logistics.Worker;

/// <summary>A series folder that would put a bundle outside the reports folder: a bug or a hostile name, never written.</summary>
public sealed class UnsafeSeriesException : InvalidOperationException
{
    public UnsafeSeriesException()
    {
    }

    public UnsafeSeriesException(string message)
        : base(message)
    {
    }

    public UnsafeSeriesException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
