using System.Globalization;

using Logistics.Network.Diagnostics;
using Logistics.Network.Model;

namespace Logistics.Network.Validation;

/// <summary>
/// Provenance: every written figure should cite a seed, a cited seed must exist, the figure should agree with it
/// (within [low, high], or equal to its value within 1e-9 relative), and every seed should be used unless it is marked
/// context-only.
/// </summary>
public static class SeedCheck
{
    public static IEnumerable<Diagnostic> Run(ValidationContext c)
    {
        var used = new HashSet<string>(StringComparer.Ordinal);
        foreach (var figure in c.Figures.Where(f => !f.Computed))
        {
            if (figure.Source is not { } source)
            {
                yield return DiagnosticCodes.NoSource.At(figure.Position, figure.Path, figure, NoSourceMessage);
                continue;
            }

            used.Add(source);
            if (!c.Seeds.TryGet(new SeedId(source), out var seed))
            {
                var close = IO.Binding.ElementReader.Suggest(source, c.Seeds.Seeds.Select(s => s.Id.Value));
                yield return DiagnosticCodes.MissingSeed.At(figure.SourcePosition, figure.Path,
                    $"{figure.Path} cites seed '{source}', which is not in the register{(c.Seeds.Folder is null ? "" : $" ({c.Seeds.Seeds.Length.ToString(CultureInfo.InvariantCulture)} seeds read)")}.",
                    close is null ? null : $"Did you mean '{close}'?");
                continue;
            }

            if (figure.Adjusted) continue; // a scenario scaled it on purpose
            var expected = seed.ValueFor(figure.Field);
            var usesPoint = seed.Point is not null && figure.Field is "lat" or "lon";
            if (!usesPoint && seed.Low is { } low && seed.High is { } high)
            {
                if (figure.Value < low - Tolerance(low) || figure.Value > high + Tolerance(high))
                {
                    yield return DiagnosticCodes.OutsideSeedRange.At(figure.Position, figure.Path,
                        $"{figure.Path} = {Num(figure.Value)} is outside seed '{source}' range {Num(low)}…{Num(high)} {seed.Unit}.");
                }
            }
            else if (expected is { } value && Math.Abs(figure.Value - value) > Tolerance(value))
            {
                yield return DiagnosticCodes.OutsideSeedRange.At(figure.Position, figure.Path,
                    $"{figure.Path} = {Num(figure.Value)} but seed '{source}' says {Num(value)} {seed.Unit}.");
            }
        }

        if (!c.IsBase) yield break;
        used.UnionWith(c.ChangeSources);
        // Context-only seeds (article figures kept for the record) are allowed to stay unused: seeds/README.md.
        foreach (var seed in c.Seeds.Seeds.Where(s => !s.ContextOnly && !used.Contains(s.Id.Value)))
        {
            yield return DiagnosticCodes.UnusedSeed.At(c.Seeds.PositionOf(seed.Id), $"seeds[{seed.Id}]",
                $"Seed '{seed.Id}' is not cited by any figure of this network.");
        }
    }

    /// <summary>One composer for every "cites no seed" message (a file without seeds has one per figure).</summary>
    private static readonly Func<object, string> NoSourceMessage = state =>
    {
        var figure = (IO.Binding.FigureRecord)state;
        return $"{figure.Path} = {Num(figure.Value)} cites no seed.";
    };

    private static double Tolerance(double reference) => 1e-9 * Math.Max(1, Math.Abs(reference));

    private static string Num(double d) => d.ToString("#,0.########", CultureInfo.InvariantCulture);
}
