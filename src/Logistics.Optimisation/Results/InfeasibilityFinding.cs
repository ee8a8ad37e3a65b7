using System.Collections.Immutable;

namespace Logistics.Optimisation;

/// <summary>One thing that cannot be done, in plain words.</summary>
/// <param name="Sentence">What cannot be done and why, naming the elements.</param>
/// <param name="Elements">Ids of the elements named (mines, markets, links, ports, rules, options), in the order the sentence names them.</param>
/// <param name="Amount">Tonnes per year that cannot be moved (USD for <see cref="FindingKind.Budget"/>).</param>
/// <param name="Unit"><c>t/yr</c> or <c>USD</c>.</param>
public sealed record InfeasibilityFinding(FindingKind Kind, string Sentence, ImmutableArray<string> Elements, double Amount, string Unit);
