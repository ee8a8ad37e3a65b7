using System.Text.RegularExpressions;

using Logistics.Presentation;
using Logistics.Reports.Content;

namespace Logistics.Reports.Tests;

/// <summary>
/// One minus sign in every output: the ASCII hyphen-minus in front of every negative number, in the Markdown, the HTML,
/// the CSVs and on the console (MoneyFormat's remarks say why); U+2212 only as an operator in formulas written as prose.
/// </summary>
[Collection(DefaultBundleCollection.Name)]
public sealed partial class MinusSignTests(DefaultBundle bundle)
{
    [Theory]
    [InlineData("report.md")]
    [InlineData("report.html")]
    public void Negative_figures_in_the_report_documents_carry_the_ascii_minus_and_never_u2212(string document)
    {
        string text = bundle.Read(document);

        // The default network's value table has negative NPVs and savings: the rule is exercised, not vacuous.
        Assert.Matches(AsciiNegativeNumber(), text);
        Assert.DoesNotMatch(TypographicNegativeNumber(), text);
    }

    [Fact]
    public void No_csv_of_the_bundle_writes_u2212_and_a_negative_csv_figure_uses_the_ascii_minus()
    {
        Assert.All(bundle.Files.Where(f => f.EndsWith(".csv", StringComparison.Ordinal)), f => Assert.DoesNotContain('\u2212', bundle.Read(f)));
        Assert.Equal("-1.25", Fmt.Data(-1.25, 2));
        Assert.Equal("0", Fmt.Data(-0.001, 2));
    }

    [Fact]
    public void The_console_table_the_money_format_and_the_reports_signed_cells_write_the_same_minus()
    {
        var table = new TextTable(("option", false), ("NPV", true));
        table.Add("rd-spur", MoneyFormat.SignedMillions(-296_000_000));
        table.Add("loss", TextTable.Number(-1234.4));
        using var console = new StringWriter();
        table.WriteTo(console);

        Assert.Contains(" -296.0", console.ToString(), StringComparison.Ordinal);
        Assert.Contains(" -1,234", console.ToString(), StringComparison.Ordinal);
        Assert.Equal(MoneyFormat.SignedMillions(-296_000_000), Fmt.SignedMillions(-296_000_000));
        Assert.Equal(MoneyFormat.Minus + "296.0 M USD", MoneyFormat.WithUnit(-296_000_000));
        Assert.DoesNotContain('\u2212', console.ToString());
    }

    [GeneratedRegex(@"(?<![\w.])-[0-9]")]
    private static partial Regex AsciiNegativeNumber();

    [GeneratedRegex("\u2212[0-9]")]
    private static partial Regex TypographicNegativeNumber();
}
