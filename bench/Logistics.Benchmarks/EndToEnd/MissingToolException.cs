namespace Logistics.Benchmarks.EndToEnd;

/// <summary>A program the side-by-side benchmark needs is not installed; the message says how to install it.</summary>
public sealed class MissingToolException(string message) : Exception(message);
