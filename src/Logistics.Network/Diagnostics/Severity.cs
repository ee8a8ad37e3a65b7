namespace Logistics.Network.Diagnostics;

/// <summary>How bad a problem is. <c>--strict</c> promotes warnings to errors.</summary>
public enum Severity
{
    Info,
    Warning,
    Error,
}
