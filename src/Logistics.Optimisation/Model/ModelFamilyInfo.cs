namespace Logistics.Optimisation;

/// <summary>One named family of the model, as it appears in variable/constraint names, docs/model.md and reports.</summary>
/// <param name="Name">Prefix of its names, e.g. <c>linkCapacity</c> in <c>linkCapacity[rohri-quetta:fwd]</c>.</param>
/// <param name="Explanation">One sentence saying what it means.</param>
public sealed record ModelFamilyInfo(string Name, ModelFamilyKind Kind, string NamePattern, string Explanation);
