using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

using Logistics.Analysis;

namespace Logistics.Worker;

/// <summary>
/// A job file a planner drops into the inbox (JSON with comments). Only <c>network</c> is required.
/// </summary>
/// <param name="Network">Network file, relative to the networks folder.</param>
/// <param name="Scenarios">Scenario ids besides the base; empty = every scenario.</param>
/// <param name="Analyses">Analyses; empty = the worker's configured analyses.</param>
/// <param name="SolveTimeLimitSeconds">Time limit per solve; null = the worker's.</param>
/// <param name="RelativeGap">Relative MIP gap; null = the solver default.</param>
/// <param name="Output">Name of the output series under <c>reports/&lt;network&gt;/</c>; null = the job's name.</param>
/// <remarks><see cref="Scenario"/> makes the report the scenario's (the CLI's <c>report --scenario</c>).</remarks>
public sealed partial record JobSpec(
    string Network,
    ImmutableArray<string> Scenarios,
    ImmutableArray<string> Analyses,
    int? SolveTimeLimitSeconds,
    double? RelativeGap,
    string? Output)
{
    /// <summary>Set for a job of <c>"kind": "uncertainty"</c>: the bundle also holds the uncertainty study over <c>draws</c> draws from <c>seed</c>.</summary>
    public Logistics.Reports.ReportUncertainty? Uncertainty { get; init; }

    private static readonly JsonDocumentOptions LenientJson = new()
    {
        CommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    private static readonly ImmutableArray<string> Properties =
        ["analyses", "draws", "kind", "network", "output", "relativeGap", "scenario", "scenarios", "seed", "solveTimeLimitSeconds"];

    /// <summary>The scenario the report is of; null = the file's base. Checked against the network file when the job runs.</summary>
    public string? Scenario { get; init; }

    /// <summary>Default draws of an uncertainty job: enough for shares within about ±3.5 points (docs/analyses.md, "How many draws").</summary>
    public const int DefaultUncertaintyDraws = 200;

    /// <summary><c>"kind"</c> (report, the default, or uncertainty) with its <c>draws</c> and <c>seed</c>; null for a plain report.</summary>
    private static Logistics.Reports.ReportUncertainty? ReadUncertainty(JsonElement root, List<string> errors)
    {
        string kind = "report";
        if (root.TryGetProperty("kind", out JsonElement kindElement))
        {
            if (kindElement.ValueKind == JsonValueKind.String && kindElement.GetString() is "report" or "uncertainty")
                kind = kindElement.GetString()!;
            else
                errors.Add("\"kind\" must be \"report\" (the default) or \"uncertainty\" (the report plus Monte Carlo over the seeds' ranges)");
        }

        int? Whole(string name, int min, int max)
        {
            if (!root.TryGetProperty(name, out JsonElement element))
                return null;
            if (kind != "uncertainty")
            {
                errors.Add($"\"{name}\" belongs to an uncertainty job: add \"kind\": \"uncertainty\" or remove it");
                return null;
            }

            if (element.ValueKind == JsonValueKind.Number && element.TryGetInt32(out int value) && value >= min && value <= max)
                return value;
            errors.Add(string.Create(CultureInfo.InvariantCulture, $"\"{name}\" must be a whole number between {min} and {max}"));
            return null;
        }

        int? draws = Whole("draws", 2, 100_000);
        int? seed = Whole("seed", int.MinValue, int.MaxValue);
        return kind == "uncertainty" ? new Logistics.Reports.ReportUncertainty(draws ?? DefaultUncertaintyDraws, seed ?? 1) : null;
    }

    /// <summary>Reads a job file; on failure the error says where and what to change.</summary>
    public static (JobSpec? Spec, string? Error) Parse(byte[] content)
    {
        ArgumentNullException.ThrowIfNull(content);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(InputFingerprint.WithoutByteOrderMark(content), LenientJson);
        }
        catch (JsonException e)
        {
            return (null, string.Create(
                CultureInfo.InvariantCulture,
                $"the job file is not valid JSON at line {(e.LineNumber ?? 0) + 1}, column {(e.BytePositionInLine ?? 0) + 1}: {FirstSentence(e.Message)}"));
        }

        using (document)
        {
            JsonElement root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return (null, "the job file must hold a JSON object such as { \"network\": \"chagai.network.json\" }");
            }

            var errors = new List<string>();
            foreach (JsonProperty property in root.EnumerateObject())
            {
                if (!Properties.Contains(property.Name, StringComparer.Ordinal))
                {
                    errors.Add($"unknown property \"{property.Name}\" (known: {string.Join(", ", Properties)})");
                }
            }

            string? network = String(root, "network", errors);
            if (network is null && !errors.Any(e => e.Contains("\"network\"", StringComparison.Ordinal)))
            {
                errors.Add("\"network\" is required: the network file, relative to the networks folder");
            }

            ImmutableArray<string> scenarios = Strings(root, "scenarios", errors);
            foreach (string id in scenarios.Where(s => !IdPattern().IsMatch(s)))
            {
                errors.Add($"scenario \"{id}\" is not an id (lower-case letters, digits and hyphens)");
            }

            string? scenario = String(root, "scenario", errors);
            if (scenario is not null && !IdPattern().IsMatch(scenario))
            {
                errors.Add($"scenario \"{scenario}\" is not an id (lower-case letters, digits and hyphens)");
            }

            ImmutableArray<string> analyses = Strings(root, "analyses", errors);
            foreach (string analysis in analyses.Where(a => !AnalysisKinds.IsKnown(a)))
            {
                errors.Add($"analysis \"{analysis}\" is unknown; use any of {string.Join(", ", AnalysisKinds.Names)}");
            }

            int? limit = null;
            if (root.TryGetProperty("solveTimeLimitSeconds", out JsonElement limitElement))
            {
                if (limitElement.ValueKind == JsonValueKind.Number && limitElement.TryGetInt32(out int seconds) && seconds is >= 1 and <= 86_400)
                {
                    limit = seconds;
                }
                else
                {
                    errors.Add("\"solveTimeLimitSeconds\" must be a whole number of seconds between 1 and 86400");
                }
            }

            double? gap = null;
            if (root.TryGetProperty("relativeGap", out JsonElement gapElement))
            {
                if (gapElement.ValueKind == JsonValueKind.Number && gapElement.GetDouble() is >= 0 and <= 1 and double value)
                {
                    gap = value;
                }
                else
                {
                    errors.Add("\"relativeGap\" must be a number between 0 and 1, for example 0.01 for 1 %");
                }
            }

            string? output = String(root, "output", errors);
            if (output is not null && !IsValidOutputName(output))
            {
                errors.Add($"output \"{output}\" is not a folder name this worker accepts: use letters, digits, '.', '_' and '-' (at most 100, not starting with '.'), and not \"latest\"");
            }

            var uncertainty = ReadUncertainty(root, errors);
            return errors.Count > 0
                ? (null, string.Join("; ", errors))
                : (new JobSpec(network!, scenarios, analyses, limit, gap, output) { Scenario = scenario, Uncertainty = uncertainty }, null);
        }
    }

    /// <summary>A series folder name that cannot escape its parent, hide, or be taken for a bundle or <c>latest</c>.</summary>
    public static bool IsValidOutputName(string name) =>
        OutputPattern().IsMatch(name) && name != "latest" && !BundleFolderName.IsBundleName(name);

    /// <summary>The output series of a job that names none: its file name, made safe (a job file may be called anything).</summary>
    public static string DefaultOutputName(string jobName)
    {
        ArgumentNullException.ThrowIfNull(jobName);
        string safe = new([.. jobName.Select(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-' ? c : '-')]);
        safe = safe.TrimStart('.');
        safe = safe.Length > 100 ? safe[..100] : safe;
        return IsValidOutputName(safe) ? safe : "job-" + safe[..Math.Min(safe.Length, 95)];
    }

    private static string? String(JsonElement root, string name, List<string> errors)
    {
        if (!root.TryGetProperty(name, out JsonElement element) || element.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (element.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(element.GetString()))
        {
            errors.Add($"\"{name}\" must be a non-empty string");
            return null;
        }

        return element.GetString();
    }

    private static ImmutableArray<string> Strings(JsonElement root, string name, List<string> errors)
    {
        if (!root.TryGetProperty(name, out JsonElement element) || element.ValueKind == JsonValueKind.Null)
        {
            return [];
        }

        if (element.ValueKind != JsonValueKind.Array || element.EnumerateArray().Any(e => e.ValueKind != JsonValueKind.String))
        {
            errors.Add($"\"{name}\" must be an array of strings");
            return [];
        }

        return [.. element.EnumerateArray().Select(e => e.GetString()!)];
    }

    private static string FirstSentence(string message)
    {
        int end = message.IndexOf(" Path:", StringComparison.Ordinal);
        return end > 0 ? message[..end] : message;
    }

    [GeneratedRegex("^[a-z][a-z0-9-]*$", RegexOptions.CultureInvariant)]
    private static partial Regex IdPattern();

    [GeneratedRegex("^[A-Za-z0-9_-][A-Za-z0-9._-]{0,99}$", RegexOptions.CultureInvariant)]
    private static partial Regex OutputPattern();
}
