namespace Logistics.Worker.Tests;

/// <summary>The worker's files through its one JSON context: the shapes the docs show, read back as written.</summary>
public sealed class WorkerJsonTests
{
    [Fact]
    public void A_job_record_writes_its_state_in_camel_case_leaves_out_absent_values_and_reads_back_equal()
    {
        var record = new JobRecord("board", JobState.WaitingForSpace, new DateTimeOffset(2026, 11, 27, 14, 15, 2, TimeSpan.Zero), Attempts: 2);

        string json = JobStore.Serialize(record);

        Assert.Equal(
            "{\n  \"job\": \"board\",\n  \"state\": \"waitingForSpace\",\n  \"claimedAt\": \"2026-11-27T14:15:02+00:00\",\n  \"reused\": false,\n  \"attempts\": 2\n}\n",
            json.ReplaceLineEndings("\n"));
        Assert.Equal(record, JobStore.Deserialize(json));
    }

    [Theory]
    [InlineData("queued", JobState.Queued)]
    [InlineData("running", JobState.Running)]
    [InlineData("interrupted", JobState.Interrupted)]
    [InlineData("done", JobState.Done)]
    [InlineData("failed", JobState.Failed)]
    public void A_record_written_before_states_were_an_enum_reads_with_its_state(string written, JobState state) =>
        Assert.Equal(state, JobStore.Deserialize($$"""{ "job": "old", "state": "{{written}}", "claimedAt": "2026-11-27T14:15:02+00:00" }""")!.State);

    [Fact]
    public void The_status_file_names_running_work_by_kind_in_lower_case()
    {
        var status = new WorkerStatus();
        status.BeginRun("network:a", new RunningWork(WorkKind.Network, "a", "a", DateTimeOffset.UnixEpoch));
        status.BeginRun("job:b", new RunningWork(WorkKind.Job, "b", null, DateTimeOffset.UnixEpoch));
        using var folder = new TestFolder();
        Directory.CreateDirectory(folder.Reports);
        var writer = new StatusWriter(status, TimeProvider.System, Microsoft.Extensions.Logging.Abstractions.NullLogger<StatusWriter>.Instance);

        writer.Write(StatusWriter.PathIn(folder.Reports), 2);

        string json = File.ReadAllText(StatusWriter.PathIn(folder.Reports));
        Assert.Contains("\"kind\": \"job\"", json, StringComparison.Ordinal);
        Assert.Contains("\"kind\": \"network\"", json, StringComparison.Ordinal);
        Assert.Equal([WorkKind.Job, WorkKind.Network], StatusWriter.Parse(json)!.Running.Select(r => r.Kind));
    }
}
