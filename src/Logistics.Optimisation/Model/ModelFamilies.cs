using System.Collections.Immutable;

namespace Logistics.Optimisation;

/// <summary>The catalogue of model families, in the order the builder adds them.</summary>
public static class ModelFamilies
{
    public static ImmutableArray<ModelFamilyInfo> All { get; } = [.. Model.ModelBuilder.Families.Select(f => f.Info)];
}
