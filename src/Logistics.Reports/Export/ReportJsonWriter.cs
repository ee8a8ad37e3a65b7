using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

using Logistics.Analysis;
using Logistics.Network.Diagnostics;
using Logistics.Optimisation;

namespace Logistics.Reports.Export;

/// <summary>
/// result.json (docs/report-format.md): one document with its own <see cref="ReportFormatVersion"/>, wrapping the run
/// manifest, the base result and every scenario result in the optimiser's result format (ResultJsonWriter), and the
/// analyses in their own JSON shape (AnalysisJson).
/// </summary>
public static class ReportJsonWriter
{
    /// <summary>Bumped when a field changes meaning or goes away; new fields may be added within a version.</summary>
    public const int ReportFormatVersion = 1;

    private static readonly JsonWriterOptions Options = new() { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string Write(ReportModel model, ReportStatus status)
    {
        ArgumentNullException.ThrowIfNull(model);
        return Document(json =>
        {
            Header(json, status, model.Manifest);
            Diagnostics(json, "warnings", model.Warnings);
            json.WritePropertyName("base");
            json.WriteRawValue(ResultJsonWriter.ToJson(model.Base, model.Manifest.IncludeTimings));
            json.WriteStartArray("scenarios");
            foreach (var variant in model.Variants().Skip(1))
            {
                json.WriteStartObject();
                json.WriteString("scenario", variant.Scenario);
                json.WriteString("name", variant.Name);
                json.WritePropertyName("result");
                json.WriteRawValue(ResultJsonWriter.ToJson(variant.Result, model.Manifest.IncludeTimings));
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteStartObject("analyses");
            if (model.Comparison is { } comparison)
            {
                // The full results are under "scenarios"; the comparison keeps its summaries only.
                json.WritePropertyName("compare");
                json.WriteRawValue(AnalysisJson.Serialize(comparison with { Outcomes = [.. comparison.Outcomes.Select(o => o with { Result = null })] }));
            }

            if (model.Values is { } values)
            {
                json.WritePropertyName("value");
                json.WriteRawValue(AnalysisJson.Serialize(values));
            }

            if (model.Resilience is { } resilience)
            {
                json.WritePropertyName("resilience");
                json.WriteRawValue(AnalysisJson.Serialize(resilience));
            }

            if (model.Uncertainty is { } uncertainty)
            {
                json.WritePropertyName("uncertainty");
                json.WriteRawValue(AnalysisJson.Serialize(uncertainty));
            }

            json.WriteStartArray("sweeps");
            foreach (var sweep in model.Sweeps)
                json.WriteRawValue(AnalysisJson.Serialize(sweep));
            json.WriteEndArray();
            // Only when an analysis was asked for and could not run (value and resilience on a plan over time).
            if (!model.Skipped.IsEmpty)
            {
                json.WriteStartArray("skipped");
                foreach (var (analysis, reason) in model.Skipped)
                {
                    json.WriteStartObject();
                    json.WriteString("analysis", analysis.Name());
                    json.WriteString("reason", reason);
                    json.WriteEndObject();
                }

                json.WriteEndArray();
            }

            json.WriteEndObject();
        });
    }

    public static string WriteInvalid(RunManifest manifest, ImmutableArray<Diagnostic> diagnostics) => Document(json =>
    {
        Header(json, ReportStatus.InvalidInput, manifest);
        Diagnostics(json, "diagnostics", diagnostics);
        json.WriteNull("base");
        json.WriteStartArray("scenarios");
        json.WriteEndArray();
        json.WriteStartObject("analyses");
        json.WriteEndObject();
    });

    /// <summary>request.json: what was asked, as asked (analyses and scenarios before defaults are applied), so a bundle can be re-run.</summary>
    public static string WriteRequest(ReportRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return Document(json =>
        {
            json.WriteString("networkFile", Path.GetFileName(request.NetworkPath));
            if (request.Scenario is { } scenario) json.WriteString("scenario", scenario);
            json.WriteStartArray("scenarios");
            foreach (var s in request.Scenarios.IsDefault ? [] : request.Scenarios) json.WriteStringValue(s);
            json.WriteEndArray();
            json.WriteStartArray("analyses");
            foreach (var a in request.Analyses.IsDefault ? [] : request.Analyses) json.WriteStringValue(a);
            json.WriteEndArray();
            if (request.SolveTimeLimit is { } limit) json.WriteNumber("solveTimeLimitSeconds", limit.TotalSeconds);
            if (request.RelativeGap is { } gap) json.WriteNumber("relativeGap", gap);
            if (request.Solver != SolverBackend.Auto) json.WriteString("solver", ResultJsonWriter.Name(request.Solver));
            if (request.Uncertainty is { } u) Uncertainty(json, u);
        });
    }

    /// <summary>diagnostics.json of an invalid input: every diagnostic, in the same shape as in result.json.</summary>
    public static string WriteDiagnostics(ImmutableArray<Diagnostic> diagnostics) => Document(json => Diagnostics(json, "diagnostics", diagnostics));

    private static string Document(Action<Utf8JsonWriter> body)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, Options))
        {
            json.WriteStartObject();
            body(json);
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }

    private static void Header(Utf8JsonWriter json, ReportStatus status, RunManifest m)
    {
        json.WriteNumber("reportFormatVersion", ReportFormatVersion);
        json.WriteString("status", ResultJsonWriter.Name(status));
        json.WriteStartObject("manifest");
        json.WriteString("networkFile", m.NetworkFile);
        // Only in the report of a scenario, so the base's bundle keeps its bytes.
        if (m.Scenario is { } scenario) json.WriteString("scenario", scenario);
        json.WriteString("inputHash", m.InputHash);
        json.WriteStartArray("inputFiles");
        foreach (var f in m.InputFiles) json.WriteStringValue(f);
        json.WriteEndArray();
        json.WriteString("toolVersion", m.ToolVersion);
        json.WriteString("orToolsVersion", Google.OrTools.Init.OrToolsVersion.VersionString());
        if (m.IncludeTimings)
        {
            json.WriteString("startedAt", m.StartedAt.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture));
            json.WriteNumber("elapsedSeconds", Math.Round(m.Elapsed.TotalSeconds, 3));
        }

        json.WriteStartArray("analyses");
        foreach (var a in m.Analyses) json.WriteStringValue(a.Name());
        json.WriteEndArray();
        json.WriteStartArray("scenarios");
        foreach (var s in m.Scenarios) json.WriteStringValue(s);
        json.WriteEndArray();
        if (m.SolveTimeLimit is { } t) json.WriteNumber("solveTimeLimitSeconds", t.TotalSeconds);
        else json.WriteNull("solveTimeLimitSeconds");
        if (m.RelativeGap is { } g) json.WriteNumber("relativeGap", g);
        else json.WriteNull("relativeGap");
        json.WriteNumber("parallelism", m.Parallelism);
        if (m.Uncertainty is { } u) Uncertainty(json, u);
        json.WriteEndObject();
    }

    /// <summary>The uncertainty study's settings: enough, with the inputs' hash, to draw the same sample again.</summary>
    private static void Uncertainty(Utf8JsonWriter json, ReportUncertainty u)
    {
        json.WriteStartObject("uncertainty");
        json.WriteNumber("draws", u.Draws);
        json.WriteNumber("seed", u.Seed);
        json.WriteNumber("twoStageDraws", u.TwoStageDraws);
        json.WriteNumber("maxCandidatePlans", u.MaxCandidatePlans);
        json.WriteString("sampling", Analysis.Uncertainty.UncertaintyAnalysis.SamplingMethod);
        json.WriteEndObject();
    }

    private static void Diagnostics(Utf8JsonWriter json, string name, ImmutableArray<Diagnostic> diagnostics)
    {
        json.WriteStartArray(name);
        foreach (var d in diagnostics)
        {
            json.WriteStartObject();
            json.WriteString("severity", d.Severity.ToString().ToLowerInvariant());
            json.WriteString("code", d.Code);
            json.WriteString("path", d.Path);
            if (d.File is null) json.WriteNull("file"); else json.WriteString("file", d.File);
            if (d.Line is { } line) json.WriteNumber("line", line); else json.WriteNull("line");
            if (d.Column is { } column) json.WriteNumber("column", column); else json.WriteNull("column");
            json.WriteString("message", d.Message);
            if (d.Hint is null) json.WriteNull("hint"); else json.WriteString("hint", d.Hint);
            json.WriteEndObject();
        }

        json.WriteEndArray();
    }
}
