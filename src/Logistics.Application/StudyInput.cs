using System.Collections.Immutable;

using Logistics.Network.Diagnostics;
using Logistics.Network.Loading;
using Logistics.Network.Model;

namespace Logistics.Application;

/// <summary>
/// What a study read and bound (<see cref="StudyRunner.Load(StudyRequest)"/>): the source, the subject bound with its
/// scenario when the study needs it, the scenarios to compare, and every diagnostic that stops the study.
/// </summary>
/// <param name="Source">The files read; null when the network file cannot be read.</param>
/// <param name="Loaded">The subject bound with the study's scenario; null when the study needs no bound network or the file cannot be read.</param>
/// <param name="Scenarios">The scenarios to compare: as asked, or every scenario the file defines.</param>
/// <param name="Diagnostics">Reading's diagnostics when the file cannot be read; else binding's, with an error for each asked-for scenario the file lacks.</param>
public sealed record StudyInput(NetworkSource? Source, LoadResult? Loaded, ImmutableArray<string> Scenarios, ImmutableArray<Diagnostic> Diagnostics)
{
    /// <summary>Whether the study can run: the file was read, the subject bound (when bound) and every scenario asked for exists.</summary>
    public bool Succeeded => Source is not null && (Loaded is null || Loaded.Succeeded) && !Diagnostics.Any(d => d.Severity == Severity.Error);

    /// <summary>The bound subject; null when not bound or invalid.</summary>
    public NetworkSnapshot? Network => Loaded is { Succeeded: true } l ? l.Network : null;
}
