namespace Logistics.Worker;

/// <summary>How <c>latest</c> names the newest bundle of a series.</summary>
public enum LatestLink
{
    /// <summary><c>latest</c> is a relative symbolic link to the bundle folder.</summary>
    Symlink,

    /// <summary>The file system refused a symbolic link (some network shares do): <c>latest</c> is a text file holding the folder name.</summary>
    File,

    /// <summary>Neither could be written; the bundle is published all the same.</summary>
    None,
}
