using System.CommandLine;

namespace Logistics.Cli;

/// <summary>
/// One executable's command line: its program name (in usage hints), its one-line description and the verbs it offers.
/// <c>logistics</c> offers every verb (<c>CliApp.Full</c>); <c>logistics-solve</c> (src/Logistics.Cli.Aot) only
/// <c>solve</c>, so it can be published with Native AOT without the report and distributed libraries.
/// </summary>
public sealed record CliHost(string Program, string Description, Func<CliContext, IEnumerable<Command>> Verbs);
