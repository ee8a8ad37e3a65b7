using System.Diagnostics;

namespace Logistics.Network.Diagnostics;

/// <summary>One measured stage: its name (e.g. <c>validate: supply capacity</c>) and its wall time.</summary>
public sealed record StageTime(string Stage, TimeSpan Elapsed);
