using System.Collections.Immutable;

namespace Logistics.Network.Model;

/// <summary>A named overlay on the base network. It is applied by the loader; the optimiser only sees its effect.</summary>
public sealed record Scenario(
    ScenarioId Id,
    string Name,
    string Description,
    ImmutableArray<ScenarioChange> Changes,
    ImmutableArray<OptionId> ForceBuild,
    ImmutableArray<OptionId> ForbidBuild,
    ImmutableArray<string> Disable,
    ImmutableArray<RuleId> EnableRules,
    ImmutableArray<RuleId> DisableRules);
