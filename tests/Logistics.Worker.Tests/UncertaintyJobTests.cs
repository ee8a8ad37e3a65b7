using System.Collections.Immutable;
using System.Text;

using Logistics.Reports;

namespace Logistics.Worker.Tests;

/// <summary>Job files of kind "uncertainty": the report plus the Monte Carlo study, with its draws and seed.</summary>
public sealed class UncertaintyJobTests
{
    [Fact]
    public void An_uncertainty_job_carries_its_draws_and_seed_into_the_request()
    {
        (JobSpec? spec, string? error) = Parse("""{ "network": "chagai-timeline.network.json", "kind": "uncertainty", "draws": 500, "seed": 7 }""");

        Assert.Null(error);
        Assert.Equal(new ReportUncertainty(500, 7), spec!.Uncertainty);
    }

    [Fact]
    public void An_uncertainty_job_without_draws_or_seed_takes_the_defaults_and_a_plain_job_has_no_study()
    {
        Assert.Equal(new ReportUncertainty(JobSpec.DefaultUncertaintyDraws, 1), Parse("""{ "network": "n.json", "kind": "uncertainty" }""").Spec!.Uncertainty);
        Assert.Null(Parse("""{ "network": "n.json", "kind": "report" }""").Spec!.Uncertainty);
        Assert.Null(Parse("""{ "network": "n.json" }""").Spec!.Uncertainty);
    }

    [Theory]
    [InlineData("""{ "network": "n.json", "kind": "monte-carlo" }""", "\"kind\" must be \"report\"")]
    [InlineData("""{ "network": "n.json", "draws": 100 }""", "\"draws\" belongs to an uncertainty job")]
    [InlineData("""{ "network": "n.json", "kind": "uncertainty", "draws": 1 }""", "\"draws\" must be a whole number between 2 and 100000")]
    [InlineData("""{ "network": "n.json", "kind": "uncertainty", "seed": 1.5 }""", "\"seed\" must be a whole number")]
    public void A_bad_uncertainty_job_is_refused_with_what_to_change(string json, string expected)
    {
        (JobSpec? spec, string? error) = Parse(json);

        Assert.Null(spec);
        Assert.Contains(expected, error, StringComparison.Ordinal);
    }

    [Fact]
    public void Uncertainty_jobs_with_other_seeds_are_filed_under_other_keys_and_a_plain_report_keeps_its_key()
    {
        var inputs = new InputFingerprint("0123abcd", ["n.json"]);
        var plain = new ReportRequest("n.json", [], ["solve"]);

        var one = ReportKey.Compute(inputs, plain with { Uncertainty = new ReportUncertainty(100, 1) });
        var two = ReportKey.Compute(inputs, plain with { Uncertainty = new ReportUncertainty(100, 2) });

        Assert.NotEqual(one, two);
        Assert.NotEqual(ReportKey.Compute(inputs, plain), one);
        Assert.Equal(ReportKey.Compute(inputs, plain), ReportKey.Compute(inputs, new ReportRequest("n.json", ImmutableArray<string>.Empty, ["solve"])));
    }

    private static (JobSpec? Spec, string? Error) Parse(string json) => JobSpec.Parse(Encoding.UTF8.GetBytes(json));
}
