using Logistics.Network.Diagnostics;
using Logistics.Network.IO;
using Logistics.Network.IO.Binding;
using Logistics.Network.Model;

namespace Logistics.Network.Loading;

/// <summary>One-call loading: read the files, bind, apply the scenario, validate.</summary>
public static class NetworkLoader
{
    public static LoadResult Load(string path, LoadOptions? options = null)
    {
        var (source, diagnostics) = Diagnostics.StageTimings.Measure("read (files, JSON, overlays, seeds, hash)", () => NetworkSource.Read(path));
        if (source is null)
            return new LoadResult(null, Validation.DiagnosticOrder.Sort(diagnostics, options?.Strict ?? false));
        return Diagnostics.StageTimings.Measure("bind and validate", () => source.Bind(options));
    }
}
