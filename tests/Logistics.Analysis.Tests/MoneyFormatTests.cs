namespace Logistics.Analysis.Tests;

public class MoneyFormatTests
{
    [Theory]
    [InlineData(211_824_742, "211.8 M USD")]
    [InlineData(-2_534_700_000, "-2.53 bn USD")]
    [InlineData(1_330_000_000, "1.33 bn USD")]
    [InlineData(45_000, "45,000 USD")]
    [InlineData(-0.2, "0 USD")]
    public void Money_reads_in_M_USD_for_millions_and_bn_USD_for_billions(double usd, string expected) =>
        Assert.Equal(expected, MoneyFormat.WithUnit(usd));

    [Fact]
    public void A_yearly_amount_carries_per_year_and_a_cell_never_shows_minus_zero()
    {
        Assert.Equal("211.8 M USD/yr", MoneyFormat.PerYear(211_824_742));
        Assert.Equal("0.0", MoneyFormat.Millions(-20_000));
        Assert.Equal("1,075.4", MoneyFormat.Millions(1_075_400_000));
    }
}
