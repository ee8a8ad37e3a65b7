using Logistics.Presentation;

namespace Logistics.Reports.Tests;

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

    [Theory]
    [InlineData(12_340_000, "+12.3")]
    [InlineData(-4_000_000, "-4.0")]
    [InlineData(-1_234_560_000, "-1,234.6")]
    [InlineData(-20_000, "0.0")]
    [InlineData(20_000, "0.0")]
    public void A_difference_carries_its_sign_and_one_that_rounds_to_zero_carries_none(double usd, string expected) =>
        Assert.Equal(expected, MoneyFormat.SignedMillions(usd));
}
