using System.Collections.Immutable;

using Logistics.Analysis;
using Logistics.Network.IO;
using Logistics.Network.Loading;
using Logistics.Network.Model;

namespace Logistics.Distributed;

/// <summary>A study that cannot be assembled: a unit everything else depends on failed, or the base has no solution.</summary>
public sealed class StudyFailedException(string message) : Exception(message);
