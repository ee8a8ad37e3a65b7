using Logistics.Network.Diagnostics;
using Logistics.Network.Validation;

namespace Logistics.Network.Tests;

/// <summary>
/// The diagnostics sort against the plain definition it must keep: distinct diagnostics by file (none last), line (none
/// last), column (none first), code, path and message, ties in first-seen order.
/// </summary>
public sealed class DiagnosticOrderTests
{
    private static List<Diagnostic> Reference(IEnumerable<Diagnostic> diagnostics) =>
        [.. diagnostics.Distinct().Select((d, i) => (d, i))
            .OrderBy(t => t.d.File is null ? 1 : 0).ThenBy(t => t.d.File, StringComparer.Ordinal)
            .ThenBy(t => t.d.Line ?? int.MaxValue).ThenBy(t => t.d.Column ?? 0)
            .ThenBy(t => t.d.Code, StringComparer.Ordinal).ThenBy(t => t.d.Path, StringComparer.Ordinal).ThenBy(t => t.d.Message, StringComparer.Ordinal)
            .ThenBy(t => t.i).Select(t => t.d)];

    private static List<Diagnostic> Random(int count, int seed)
    {
        var random = new Random(seed);
        string?[] files = ["b.network.json", "a.network.json", "seeds/x.json", null];
        var made = new List<Diagnostic>();
        for (var i = 0; i < count; i++)
        {
            if (made.Count > 0 && random.Next(8) == 0)
            {
                made.Add(made[random.Next(made.Count)]); // an exact duplicate, to be dropped
                continue;
            }

            made.Add(new Diagnostic(
                "LG06" + random.Next(3).ToString("D2", System.Globalization.CultureInfo.InvariantCulture),
                (Severity)random.Next(3),
                "links[" + random.Next(4) + "]",
                files[random.Next(files.Length)],
                random.Next(6) == 0 ? null : random.Next(5),
                random.Next(6) == 0 ? null : random.Next(3),
                "message " + random.Next(3),
                random.Next(2) == 0 ? null : "hint " + random.Next(2)));
        }

        return made;
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Diagnostics_come_out_distinct_and_in_the_order_of_the_multi_key_definition(int seed)
    {
        var diagnostics = Random(3_000, seed);
        Assert.Equal(Reference(diagnostics), DiagnosticOrder.Sort(diagnostics, strict: false));
    }

    [Fact]
    public void Strict_mode_promotes_warnings_before_removing_duplicates_so_a_warning_and_its_error_twin_merge()
    {
        var warning = new Diagnostic("LG0601", Severity.Warning, "x", "f.json", 2, 3, "m", null);
        var sorted = DiagnosticOrder.Sort([warning, warning with { Severity = Severity.Error }], strict: true);
        Assert.Equal(new[] { warning with { Severity = Severity.Error } }, sorted.AsEnumerable());
    }

    [Fact]
    public void Findings_without_a_line_or_file_come_after_those_with_one()
    {
        var noFile = new Diagnostic("LG0001", Severity.Error, "", null, null, null, "no file", null);
        var noLine = new Diagnostic("LG0001", Severity.Error, "", "f.json", null, null, "no line", null);
        var placed = new Diagnostic("LG0002", Severity.Error, "", "f.json", 40_000_000, 1, "far down", null);
        Assert.Equal(new[] { placed, noLine, noFile }, DiagnosticOrder.Sort([noFile, noLine, placed], strict: false).AsEnumerable());
    }
}
