namespace Logistics.Analysis;

/// <summary>What is valued in one row of <see cref="ValueReport"/>.</summary>
public enum ValuationKind
{
    /// <summary>An option with no prerequisites: forced in against forced out.</summary>
    Single,

    /// <summary>An option with its prerequisites (<c>requires</c>, transitively), all forced in, against the option forced out.</summary>
    Bundle,

    /// <summary>An option on top of its prerequisites: both solves force the prerequisites in; only the option itself is valued.</summary>
    GivenPrerequisites,
}
