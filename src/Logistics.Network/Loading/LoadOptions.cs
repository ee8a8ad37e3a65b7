using System.Collections.Immutable;

using Logistics.Network.IO;
using Logistics.Network.IO.Binding;
using Logistics.Network.Model;

namespace Logistics.Network.Loading;

/// <summary>How to load a network: which scenario to apply, whether warnings fail, and extra numeric changes (sweeps).</summary>
public sealed record LoadOptions
{
    /// <summary>Id of the scenario to apply; null for the base network.</summary>
    public string? Scenario { get; init; }

    /// <summary>Treat every warning as an error.</summary>
    public bool Strict { get; init; }

    /// <summary>Numeric changes applied after the scenario, by path (analyses use them to sweep a figure without editing files).</summary>
    public ImmutableArray<ScenarioChange> ExtraChanges { get; init; } = [];

    /// <summary>
    /// Run the structural checks even when the variant changes only cost figures (by default it reuses the findings of
    /// the file's own structure, which are the same): for the test that proves the reuse exact.
    /// </summary>
    public bool RecheckStructure { get; init; }

    /// <summary>
    /// Bind every period's snapshot through a copy of the tree, as before periods were change sets on the file's
    /// snapshot: for the test that proves the change sets exact.
    /// </summary>
    public bool PeriodsThroughTree { get; init; }
}
