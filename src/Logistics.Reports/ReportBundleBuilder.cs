using System.Text.Encodings.Web;
using System.Text.Json;

namespace Logistics.Reports;

// TEMPORARY until the reports bundle lands: the reports helper replaces this whole file at merge with the real
// builder (same name, constructor and interface). It exists so the worker can be built and tested against real
// files now. It still checks something real: the network file must parse as JSON with comments, otherwise it
// returns InvalidInput with the parse error, as the real builder returns the validator's diagnostics.

/// <summary>Writes a report bundle for one <see cref="ReportRequest"/> (temporary minimal version).</summary>
public sealed class ReportBundleBuilder : IReportBuilder
{
    private static readonly JsonDocumentOptions LenientJson = new()
    {
        CommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    private static readonly JsonWriterOptions Indented = new()
    {
        Indented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private readonly TimeProvider _clock;

    public ReportBundleBuilder(TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(clock);
        _clock = clock;
    }

    /// <summary>The clock the real builder stamps its manifest with; kept so the constructor contract is real.</summary>
    public TimeProvider Clock => _clock;

    public async Task<ReportOutcome> BuildAsync(ReportRequest request, string outputDirectory, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(outputDirectory);
        cancellationToken.ThrowIfCancellationRequested();
        Directory.CreateDirectory(outputDirectory);

        string? parseError = await TryParseAsync(request.NetworkPath, cancellationToken).ConfigureAwait(false);
        await WriteJsonAsync(Path.Combine(outputDirectory, "request.json"), w => WriteRequest(w, request), cancellationToken)
            .ConfigureAwait(false);
        if (parseError is not null)
        {
            await WriteJsonAsync(
                Path.Combine(outputDirectory, "diagnostics.json"),
                w =>
                {
                    w.WriteStartObject();
                    w.WriteStartArray("diagnostics");
                    w.WriteStartObject();
                    w.WriteString("severity", "error");
                    w.WriteString("file", Path.GetFileName(request.NetworkPath));
                    w.WriteString("message", parseError);
                    w.WriteEndObject();
                    w.WriteEndArray();
                    w.WriteEndObject();
                },
                cancellationToken).ConfigureAwait(false);
            return new ReportOutcome(ReportStatus.InvalidInput, ["diagnostics.json", "request.json"], "invalid input: " + parseError);
        }

        return new ReportOutcome(ReportStatus.Complete, ["request.json"], "request recorded (temporary builder)");
    }

    private static async Task<string?> TryParseAsync(string path, CancellationToken cancellationToken)
    {
        try
        {
            byte[] bytes = await File.ReadAllBytesAsync(path, cancellationToken).ConfigureAwait(false);
            ReadOnlyMemory<byte> json = bytes.AsSpan().StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]) ? bytes.AsMemory(3) : bytes;
            using JsonDocument document = JsonDocument.Parse(json, LenientJson);
            return document.RootElement.ValueKind == JsonValueKind.Object ? null : "the network file must hold a JSON object";
        }
        catch (JsonException e)
        {
            return e.Message;
        }
        catch (IOException e)
        {
            return "cannot read the network file: " + e.Message;
        }
    }

    private static void WriteRequest(Utf8JsonWriter w, ReportRequest request)
    {
        w.WriteStartObject();
        w.WriteString("networkPath", request.NetworkPath);
        w.WriteStartArray("scenarios");
        foreach (string s in request.Scenarios.IsDefault ? [] : request.Scenarios)
        {
            w.WriteStringValue(s);
        }

        w.WriteEndArray();
        w.WriteStartArray("analyses");
        foreach (string a in request.Analyses.IsDefault ? [] : request.Analyses)
        {
            w.WriteStringValue(a);
        }

        w.WriteEndArray();
        if (request.SolveTimeLimit is { } limit)
        {
            w.WriteNumber("solveTimeLimitSeconds", limit.TotalSeconds);
        }

        if (request.RelativeGap is { } gap)
        {
            w.WriteNumber("relativeGap", gap);
        }

        w.WriteEndObject();
    }

    private static async Task WriteJsonAsync(string path, Action<Utf8JsonWriter> write, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, Indented))
        {
            write(writer);
        }

        buffer.WriteByte((byte)'\n');
        await File.WriteAllBytesAsync(path, buffer.ToArray(), cancellationToken).ConfigureAwait(false);
    }
}
