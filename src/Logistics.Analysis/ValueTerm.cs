namespace Logistics.Analysis;

/// <summary>One figure of the value analysis: the name every output uses for it, its unit and its definition.</summary>
/// <param name="Name">Lower-case name, the CLI's column heading (e.g. <c>net benefit</c>).</param>
/// <param name="Unit">Unit as tables show it (<c>M USD</c>, <c>M USD/yr</c>, <c>yr</c>; empty for a rate).</param>
/// <param name="Definition">One sentence, the same in the CLI's legend, the report's note and docs/analyses.md.</param>
public sealed record ValueTerm(string Name, string Unit, string Definition)
{
    /// <summary>The report's column heading: the name capitalised, then the unit (<c>Net benefit M USD/yr</c>).</summary>
    public string Heading => (char.ToUpperInvariant(Name[0]) + Name[1..] + (Unit.Length > 0 ? " " + Unit : "")).Replace("Npv", "NPV", StringComparison.Ordinal);

    /// <summary><c>name: definition</c>, for legends.</summary>
    public string Legend => $"{Name}: {Definition}";
}
