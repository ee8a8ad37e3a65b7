namespace Logistics.Optimisation;

/// <summary>Direction of travel on a link: <c>Forward</c> is from → to.</summary>
public enum LinkTravel
{
    Forward,
    Reverse,
}
