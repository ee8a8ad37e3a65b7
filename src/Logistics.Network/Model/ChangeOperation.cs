namespace Logistics.Network.Model;

/// <summary>How a scenario change acts on a numeric field.</summary>
public enum ChangeOperation
{
    Set,
    Multiply,
    Add,
}
