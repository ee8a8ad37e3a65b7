namespace Logistics.Network.Model;

/// <summary>Where a link's length came from: the file, or great-circle distance times the mode's circuity.</summary>
public enum LengthBasis
{
    Given,
    GreatCircle,
}
