namespace Logistics.Worker;

/// <summary>The word for a <see cref="WorkKind"/> in log lines, the same lower-case word status.json writes.</summary>
internal static class WorkKindNames
{
    public static string Word(this WorkKind kind) => kind switch
    {
        WorkKind.Network => "network",
        WorkKind.Job => "job",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "not a kind of work"),
    };
}
