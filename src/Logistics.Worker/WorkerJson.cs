using System.Text.Json.Serialization;

namespace Logistics.Worker;

/// <summary>
/// The one JSON shape of every file the worker writes and reads back (job records, status.json, worker-outcome.json):
/// indented, camelCase, enums as strings, absent values left out unless a property says otherwise. Source-generated,
/// so no reflection at run time and one place to see the shapes. Job files are read by <see cref="JobSpec.Parse"/>,
/// which walks the document itself to report every problem at once with its line and column.
/// </summary>
[JsonSourceGenerationOptions(
    WriteIndented = true,
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    UseStringEnumConverter = true)]
[JsonSerializable(typeof(JobRecord))]
[JsonSerializable(typeof(StatusDocument))]
[JsonSerializable(typeof(BundleOutcome))]
internal sealed partial class WorkerJson : JsonSerializerContext;
