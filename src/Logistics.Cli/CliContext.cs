namespace Logistics.Cli;

/// <summary>What every verb needs from its host: where to write, and the cancellation token wired to Ctrl-C.</summary>
public sealed record CliContext(TextWriter Out, TextWriter Error, CancellationToken CancellationToken);
