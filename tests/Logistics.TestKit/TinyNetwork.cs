namespace Logistics.TestKit;

/// <summary>
/// The smallest network the real builder accepts and solves in well under a second: one mine, two ports (one only
/// reachable through an investment option), one market, four links, an inline scenario that needs the option, and a
/// seeds register every figure cites. Written with comments and trailing commas, as planners write files.
/// </summary>
public static class TinyNetwork
{
    /// <summary>The register file, written as <c>seeds/tiny.json</c> (the network's <c>metadata.seeds</c> is <c>../seeds</c>).</summary>
    public const string SeedsFileName = "tiny.json";

    public const string SeedsJson =
        """
        {
          "formatVersion": 1,
          "seeds": [
            { "id": "tiny-assumption", "unit": "various", "low": -200, "high": 10000000000000, "confidence": "assumption",
              "note": "Blanket assumption for the tests' made-up figures." },
          ],
        }
        """;

    /// <summary>A valid network named <paramref name="name"/>; each of <paramref name="overlayFiles"/> becomes a <c>{ "file": … }</c> scenario.</summary>
    public static string Json(string name, params string[] overlayFiles) =>
        $$"""
        {
          // written by a test
          "formatVersion": 1,
          "metadata": { "name": "{{name}}", "source": "tiny-assumption", "discountRate": 0.08, "horizonYears": 25, "seeds": "../seeds", },
          "commodities": [ { "id": "cu-conc", "source": "tiny-assumption", "name": "Copper concentrate", "valueUsdPerTonne": 3000 } ],
          "nodes": [
            { "id": "mine", "source": "tiny-assumption", "kind": "mine", "lat": 29.1, "lon": 62.1,
              "supply": [ { "commodity": "cu-conc", "tonnesPerYear": 900000 } ] },
            { "id": "old-port", "source": "tiny-assumption", "kind": "port", "lat": 24.8, "lon": 67.0,
              "port": { "capacityTpy": 1000000, "handlingUsdPerTonne": 8 } },
            { "id": "new-port", "source": "tiny-assumption", "kind": "port", "lat": 25.2, "lon": 63.4,
              "port": { "capacityTpy": 0, "handlingUsdPerTonne": 6 } },
            { "id": "east", "source": "tiny-assumption", "kind": "market", "lat": 31.2, "lon": 121.5,
              "demand": [ { "commodity": "cu-conc", "maxTpy": 3000000, "priceUsdPerTonne": 3100 } ] },
          ],
          "links": [
            { "id": "mine-old-port", "source": "tiny-assumption", "from": "mine", "to": "old-port", "mode": "rail", "lengthKm": 900, "tariffUsdPerTkm": 0.03 },
            { "id": "mine-new-port", "source": "tiny-assumption", "from": "mine", "to": "new-port", "mode": "rail", "lengthKm": 500, "tariffUsdPerTkm": 0.03,
              "builtBy": "new-port-package" },
            { "id": "old-port-east", "source": "tiny-assumption", "from": "old-port", "to": "east", "mode": "sea", "lengthKm": 9000, "tariffUsdPerTonne": 25 },
            { "id": "new-port-east", "source": "tiny-assumption", "from": "new-port", "to": "east", "mode": "sea", "lengthKm": 9300, "tariffUsdPerTonne": 24 },
          ],
          "options": [
            { "id": "new-port-package", "source": "tiny-assumption", "name": "New port and railway", "capexUsd": 400000000, "lifetimeYears": 30,
              "capacityAdds": [ { "port": "new-port", "addTpy": 2000000 } ] },
          ],
          "scenarios": [
            { "id": "phase2", "name": "Mine phase 2", "description": "More than the old port can take.",
              "changes": [ { "path": "nodes[mine].supply[cu-conc].tonnesPerYear", "set": 2000000, "source": "tiny-assumption" } ] },
            {{string.Concat(overlayFiles.Select(f => $"{{ \"file\": \"{f}\" }}, "))}}
          ],
        }
        """;

    /// <summary>A valid scenario overlay file for <see cref="Json"/>: the old port's sea link is closed.</summary>
    public static string OverlayJson(string id, string description) =>
        $$"""
        {
          "formatVersion": 1,
          "scenario": { "id": "{{id}}", "name": "Old port's sea lane closed", "description": "{{description}}", "disable": ["old-port-east"] },
        }
        """;
}
