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
    public void IRR_discounts_the_residual_value_at_the_trial_rate_not_at_the_appraisal_rate()
    {
        // By hand: capex 1000, 2-year life, 3-year horizon, net benefit 900/yr. At 50 %, CRF(0.5, 2) = 0.5·2.25/1.25 = 0.9,
        // so the flows are −1000, 900, 900 − 1000 (renewal), 900 + 1000·0.9/1.5 (one year of annuity still owed) = 1500,
        // and −1000 + 900/1.5 − 100/2.25 + 1500/3.375 = −1000 + 600 − 44.44… + 444.44… = 0: the IRR is exactly 50 %.
        var irr = Finance.InternalRateOfReturn(rate => Finance.CashFlows(1000, 2, 900, rate, 3));
        Assert.NotNull(irr);
        Assert.Equal(0.5, irr!.Value, 8);

        // The residual priced once at 8 % (the old behaviour) gives a different, wrong rate.
        var fixedResidual = Finance.InternalRateOfReturn(Finance.CashFlows(1000, 2, 900, 0.08, 3));
        Assert.True(Math.Abs(fixedResidual!.Value - 0.5) > 0.01);
    }

    [Theory]
    [InlineData(1_000_000, 150_000, 40, 25)]
    [InlineData(1_000_000, 150_000, 10, 25)]
    [InlineData(1_200_000_000, 60_000_000, 40, 25)]
    public void IRR_is_the_rate_at_which_the_net_benefit_equals_the_annualised_capex(double capex, double net, int lifetime, int horizon)
    {
        var irr = Finance.InternalRateOfReturn(rate => Finance.CashFlows(capex, lifetime, net, rate, horizon));
        Assert.NotNull(irr);
        Assert.Equal(1, capex * Finance.CapitalRecoveryFactor(irr!.Value, lifetime) / net, 6);
    }

    [Fact]
    public void Payback_is_capex_over_net_benefit_and_never_when_the_benefit_is_not_positive()
    {
        Assert.Equal(4, Finance.SimplePayback(1000, 250));
        Assert.Null(Finance.SimplePayback(1000, 0));
        Assert.Null(Finance.SimplePayback(1000, -1));
    }

    [Theory]
    [InlineData(new[] { -1000.0, 0, 300, 500 }, 1)]
    [InlineData(new[] { 0.0, 434, 434, -233, -233, 120, 0 }, 2)]
    [InlineData(new[] { -1000.0, 1e-9, -5, 500 }, 1)]
    [InlineData(new[] { 0.0, 0 }, 0)]
    public void Sign_changes_count_the_turns_of_a_cash_flow_ignoring_noise_so_an_irr_is_reported_only_when_it_is_unique(double[] flows, int changes)
    {
        // The second: a plan that avoids another option's earlier outlays, then pays its own, then saves: two turns, two possible IRRs.
        Assert.Equal(changes, Finance.SignChanges(flows));
    }
}
