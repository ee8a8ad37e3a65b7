using System.Text.Json;

namespace Logistics.Worker;

/// <summary>
/// The job folders: <c>inbox/</c> (the durable queue: jobs stay on disk until a slot is free), <c>processing/</c>,
/// <c>done/</c> and <c>failed/</c>. Every move is a rename within one file system, so a job is always in exactly one
/// folder; each job has a <c>&lt;name&gt;.record.json</c> beside it, written atomically.
/// </summary>
public sealed class JobStore
{
    public const string RecordSuffix = ".record.json";

    private readonly TimeProvider _clock;
    private readonly TimeSpan _settle;
    private readonly object _claimGate = new();

    // Inbox files seen but not yet settled: name -> (length, write time, when first seen with these). Names only.
    private readonly Dictionary<string, (long, DateTime, long)> _seen = new(StringComparer.Ordinal);

    public JobStore(string root, TimeProvider clock, TimeSpan settle)
    {
        ArgumentNullException.ThrowIfNull(root);
        Root = root;
        _clock = clock;
        _settle = settle;
        Inbox = Path.Combine(root, "inbox");
        Processing = Path.Combine(root, "processing");
        Done = Path.Combine(root, "done");
        Failed = Path.Combine(root, "failed");
    }

    public string Root { get; }

    public string Inbox { get; }

    public string Processing { get; }

    public string Done { get; }

    public string Failed { get; }

    /// <summary>Creates the folders and removes what an interrupted run left half-done (temporary files, orphan records).</summary>
    public void Prepare()
    {
        foreach (string folder in new[] { Inbox, Processing, Done, Failed })
        {
            Directory.CreateDirectory(folder);
            foreach (string temporary in Directory.EnumerateFiles(folder, "*" + AtomicFile.TemporaryMarker + "*"))
            {
                AtomicFile.TryDelete(temporary);
            }
        }

        // A record whose job file has already moved on was the last step of a finished job: drop it.
        foreach (string record in Directory.EnumerateFiles(Processing, "*" + RecordSuffix))
        {
            if (!File.Exists(JobFile(Processing, NameOfRecord(record))))
            {
                AtomicFile.TryDelete(record);
            }
        }
    }

    /// <summary>Names of job files waiting in the inbox, in ordinal order (names only: the inbox is never read into memory).</summary>
    public IReadOnlyList<string> ListInbox()
    {
        List<string> names = [.. Directory.EnumerateFiles(Inbox, "*.json")
            .Select(Path.GetFileName)
            .OfType<string>()
            .Where(IsJobFileName)
            .Order(StringComparer.Ordinal)];
        lock (_claimGate)
        {
            var present = new HashSet<string>(names, StringComparer.Ordinal);
            foreach (string gone in _seen.Keys.Where(k => !present.Contains(k)).ToList())
            {
                _seen.Remove(gone);
            }
        }

        return names;
    }

    /// <summary>Jobs a previous run left in processing; they are resumed.</summary>
    public IReadOnlyList<ClaimedJob> ListProcessing() =>
        [.. Directory.EnumerateFiles(Processing, "*.json")
            .Where(p => IsJobFileName(Path.GetFileName(p)))
            .Order(StringComparer.Ordinal)
            .Select(p => new ClaimedJob(Path.GetFileNameWithoutExtension(p), p, Resumed: true))];

    /// <summary>
    /// Moves one inbox file to processing, under a name no other job in processing, done or failed has.
    /// Returns null when the file is gone (another worker took it) or has not yet stayed unchanged (size and write
    /// time) for the settle time: a planner's copy may still be in progress. Only the clock's elapsed time is used,
    /// never the file's time against the clock, so a clock that differs from the file server's does no harm.
    /// </summary>
    public ClaimedJob? TryClaim(string inboxFileName)
    {
        string source = Path.Combine(Inbox, inboxFileName);
        var info = new FileInfo(source);
        if (!info.Exists)
        {
            return null;
        }

        (long, DateTime) signature = (info.Length, info.LastWriteTimeUtc);
        lock (_claimGate)
        {
            if (!_seen.TryGetValue(inboxFileName, out (long, DateTime, long) seen) || (seen.Item1, seen.Item2) != signature)
            {
                _seen[inboxFileName] = (signature.Item1, signature.Item2, _clock.GetTimestamp());
                return _settle <= TimeSpan.Zero ? Move(source, inboxFileName) : null;
            }

            if (_clock.GetElapsedTime(seen.Item3) < _settle)
            {
                return null;
            }

            _seen.Remove(inboxFileName);
            return Move(source, inboxFileName);
        }
    }

    // Called under _claimGate.
    private ClaimedJob? Move(string source, string inboxFileName)
    {
        string baseName = Path.GetFileNameWithoutExtension(inboxFileName);
        for (int n = 1; n < 10_000; n++)
        {
            string name = n == 1 ? baseName : baseName + "-" + n.ToString(System.Globalization.CultureInfo.InvariantCulture);
            if (File.Exists(JobFile(Processing, name)) || File.Exists(JobFile(Done, name)) || File.Exists(JobFile(Failed, name)))
            {
                continue;
            }

            string target = JobFile(Processing, name);
            try
            {
                File.Move(source, target, overwrite: false);
            }
            catch (FileNotFoundException)
            {
                return null;
            }
            catch (IOException) when (File.Exists(target))
            {
                continue;
            }

            return new ClaimedJob(name, target, Resumed: false);
        }

        return null;
    }

    public JobRecord? ReadRecord(ClaimedJob job)
    {
        ArgumentNullException.ThrowIfNull(job);
        string path = RecordFile(Processing, job.Name);
        try
        {
            return File.Exists(path) ? JsonSerializer.Deserialize(File.ReadAllText(path), WorkerJson.Default.JobRecord) : null;
        }
        catch (Exception e) when (e is JsonException or IOException)
        {
            return null;
        }
    }

    /// <summary>Writes the record beside a job that is still in processing.</summary>
    public void WriteProcessingRecord(ClaimedJob job, JobRecord record)
    {
        ArgumentNullException.ThrowIfNull(job);
        AtomicFile.WriteAllText(RecordFile(Processing, job.Name), Serialize(record));
    }

    /// <summary>
    /// Finishes a job: final record into done/ or failed/ first, then the job file moves (the step that makes it
    /// finished), then the processing record goes. A crash between steps leaves the job in processing, where it is
    /// resumed and finds its report already published.
    /// </summary>
    public string Finish(ClaimedJob job, JobRecord record)
    {
        ArgumentNullException.ThrowIfNull(job);
        ArgumentNullException.ThrowIfNull(record);
        string folder = record.State == JobState.Done ? Done : Failed;
        AtomicFile.WriteAllText(RecordFile(folder, job.Name), Serialize(record));
        File.Move(job.FilePath, JobFile(folder, job.Name), overwrite: true);
        AtomicFile.TryDelete(RecordFile(Processing, job.Name));
        return folder;
    }

    public static string Serialize(JobRecord record) => JsonSerializer.Serialize(record, WorkerJson.Default.JobRecord) + "\n";

    public static JobRecord? Deserialize(string json) => JsonSerializer.Deserialize(json, WorkerJson.Default.JobRecord);

    public static string RecordFile(string folder, string name) => Path.Combine(folder, name + RecordSuffix);

    private static string JobFile(string folder, string name) => Path.Combine(folder, name + ".json");

    private static string NameOfRecord(string recordPath)
    {
        string file = Path.GetFileName(recordPath);
        return file[..^RecordSuffix.Length];
    }

    // Hidden files are how a planner writes a job without it being taken half-written (write ".x.json", rename).
    private static bool IsJobFileName(string name) =>
        !name.StartsWith('.')
        && !name.EndsWith(RecordSuffix, StringComparison.Ordinal)
        && !name.Contains(AtomicFile.TemporaryMarker, StringComparison.Ordinal);
}
