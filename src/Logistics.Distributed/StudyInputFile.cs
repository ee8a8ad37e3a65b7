using Logistics.Network.IO;
using Logistics.Network.Loading;

namespace Logistics.Distributed;

/// <summary>One input file of a study: its path relative to the network file's folder ('/' separators) and its bytes.</summary>
public sealed record StudyInputFile(string RelativePath, byte[] Content);
