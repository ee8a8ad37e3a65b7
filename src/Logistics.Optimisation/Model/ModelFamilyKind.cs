namespace Logistics.Optimisation;

/// <summary>Whether a family adds variables or constraints.</summary>
public enum ModelFamilyKind
{
    Variables,
    Constraints,
}
