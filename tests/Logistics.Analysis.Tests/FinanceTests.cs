namespace Logistics.Analysis.Tests;

public class FinanceTests
{
    [Fact]
    public void Capital_recovery_factor_matches_the_textbook_value_and_is_one_over_lifetime_at_zero_rate()
    {
        Assert.Equal(0.1 * Math.Pow(1.1, 10) / (Math.Pow(1.1, 10) - 1), Finance.CapitalRecoveryFactor(0.1, 10), 12);
        Assert.Equal(0.25, Finance.CapitalRecoveryFactor(0, 4), 12);
    }

    [Theory]
    [InlineData(0.08, 40, 25)]
    [InlineData(0.08, 10, 25)]
    [InlineData(0.05, 25, 25)]
    [InlineData(0.0, 7, 20)]
    public void NPV_with_renewals_and_residual_equals_the_annuity_of_net_benefit_minus_annualised_capex(double rate, int lifetime, int horizon)
    {
        // The residual value is the annuity still owed, so the NPV is consistent with the optimiser's annualisation.
        const double capex = 1_000_000, net = 150_000;
        var npv = Finance.NetPresentValue(Finance.CashFlows(capex, lifetime, net, rate, horizon), rate);
        var expected = Finance.AnnuityFactor(rate, horizon) * (net - (capex * Finance.CapitalRecoveryFactor(rate, lifetime)));
        Assert.Equal(expected, npv, 4);
    }

    [Fact]
    public void IRR_zeroes_the_NPV_and_is_null_when_nothing_is_ever_earned()
    {
        double[] flows = [-1000, 300, 400, 500];
        var irr = Finance.InternalRateOfReturn(flows);
        Assert.NotNull(irr);
        Assert.Equal(0, Finance.NetPresentValue(flows, irr!.Value), 4);
        Assert.Null(Finance.InternalRateOfReturn([-1000, 0, 0]));
        Assert.Null(Finance.InternalRateOfReturn([-1000, -5, -5]));
    }

    [Fact]
    public void Payback_is_capex_over_net_benefit_and_never_when_the_benefit_is_not_positive()
    {
        Assert.Equal(4, Finance.SimplePayback(1000, 250));
        Assert.Null(Finance.SimplePayback(1000, 0));
        Assert.Null(Finance.SimplePayback(1000, -1));
    }
}
