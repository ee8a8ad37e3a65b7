using System.Text.Json.Serialization;

namespace Logistics.Worker;

/// <summary>What a unit of work answers: a watched network's report, or a job from the inbox. Written in status.json as "network" or "job".</summary>
public enum WorkKind
{
    [JsonStringEnumMemberName("network")]
    Network,

    [JsonStringEnumMemberName("job")]
    Job,
}
