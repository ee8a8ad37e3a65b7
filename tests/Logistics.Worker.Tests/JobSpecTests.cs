using System.Text;

namespace Logistics.Worker.Tests;

public sealed class JobSpecTests
{
    [Fact]
    public void A_full_job_file_with_comments_and_trailing_commas_is_read()
    {
        (JobSpec? spec, string? error) = Parse("""
            {
              "network": "chagai.network.json", // the base network
              "scenarios": ["phase2", "suez-closed"],
              "analyses": ["solve", "compare"],
              "solveTimeLimitSeconds": 120,
              "relativeGap": 0.005,
              "output": "board-2026-11",
              "scenario": "phase2",
            }
            """);

        Assert.Null(error);
        Assert.NotNull(spec);
        Assert.Equal("chagai.network.json", spec.Network);
        Assert.Equal(120, spec.SolveTimeLimitSeconds);
        Assert.Equal(0.005, spec.RelativeGap);
        Assert.Equal("board-2026-11", spec.Output);
        Assert.Equal(["phase2", "suez-closed"], spec.Scenarios.ToArray());
        Assert.Equal(["solve", "compare"], spec.Analyses.ToArray());
        Assert.Equal("phase2", spec.Scenario);
    }

    [Fact]
    public void A_job_with_only_a_network_takes_every_default()
    {
        (JobSpec? spec, string? error) = Parse("\uFEFF{ \"network\": \"chagai.network.json\" }");

        Assert.Null(error);
        Assert.Empty(spec!.Scenarios);
        Assert.Empty(spec.Analyses);
        Assert.Null(spec.SolveTimeLimitSeconds);
        Assert.Null(spec.Output);
        Assert.Null(spec.Scenario);
    }

    [Theory]
    [InlineData("""{ }""", "\"network\" is required")]
    [InlineData("""[ "chagai" ]""", "must hold a JSON object")]
    [InlineData("""{ "network": "a.network.json", "analyses": ["optimise"] }""", "analysis \"optimise\" is unknown")]
    [InlineData("""{ "network": "a.network.json", "scenarios": ["Phase 2"] }""", "scenario \"Phase 2\" is not an id")]
    [InlineData("""{ "network": "a.network.json", "scenario": "../phase2" }""", "scenario \"../phase2\" is not an id")]
    [InlineData("""{ "network": "a.network.json", "scenario": "" }""", "\"scenario\" must be a non-empty string")]
    [InlineData("""{ "network": "a.network.json", "solveTimeLimitSeconds": 0 }""", "between 1 and 86400")]
    [InlineData("""{ "network": "a.network.json", "relativeGap": 5 }""", "between 0 and 1")]
    [InlineData("""{ "network": "a.network.json", "output": "../escape" }""", "output \"../escape\" is not a folder name")]
    [InlineData("""{ "network": "a.network.json", "output": "latest" }""", "output \"latest\" is not a folder name")]
    [InlineData("""{ "network": "a.network.json", "output": "20261127T140405Z-0123456789ab" }""", "is not a folder name")]
    [InlineData("""{ "network": 3 }""", "\"network\" must be a non-empty string")]
    public void Invalid_jobs_are_refused_with_a_message_that_says_what_to_change(string json, string expected)
    {
        (JobSpec? spec, string? error) = Parse(json);

        Assert.Null(spec);
        Assert.Contains(expected, error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("board-pack", "board-pack")]
    [InlineData("latest", "job-latest")]
    [InlineData(".", "job-")]
    [InlineData("..", "job-")]
    [InlineData("Q4 board pack (final)", "Q4-board-pack--final-")]
    [InlineData("20261127T140405Z-0123456789ab", "job-20261127T140405Z-0123456789ab")]
    public void A_job_without_an_output_name_writes_to_a_safe_folder_named_after_it(string job, string expected)
    {
        string output = JobSpec.DefaultOutputName(job);

        Assert.Equal(expected, output);
        Assert.True(JobSpec.IsValidOutputName(output));
    }

    private static (JobSpec?, string?) Parse(string json) => JobSpec.Parse(Encoding.UTF8.GetBytes(json));
}
