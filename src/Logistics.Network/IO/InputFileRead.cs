using System.Runtime.InteropServices;
using System.Text;

using Logistics.Network.Diagnostics;

using Microsoft.Win32.SafeHandles;

namespace Logistics.Network.IO;

/// <summary>What reading one input file gave: its bytes, or the diagnostic that says why there are none.</summary>
public sealed record InputFileRead(string Path, byte[]? Bytes, Diagnostic? Problem)
{
    public bool Succeeded => Bytes is not null;
}
