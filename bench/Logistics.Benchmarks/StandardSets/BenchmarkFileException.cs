namespace Logistics.Benchmarks.StandardSets;

/// <summary>A benchmark file that cannot be read: the message names the file, line and column, what is wrong and how to fix it.</summary>
public sealed class BenchmarkFileException(string message) : Exception(message);
