using System.Collections.Frozen;
using System.Collections.Immutable;

using Logistics.Network.Diagnostics;
using Logistics.Network.IO.Binding;
using Logistics.Network.IO.Format;
using Logistics.Network.IO.Json;
using Logistics.Network.Model;

namespace Logistics.Network.IO;

/// <summary>
/// The assumptions register: every <c>*.json</c> file of the seeds folder, read in ordinal file-name order.
/// Figures in network files cite these by id; reports print them as the assumptions appendix.
/// </summary>
public sealed class SeedRegister
{
    private readonly FrozenDictionary<SeedId, Seed> _byId;
    private readonly Dictionary<SeedId, SourcePosition> _positions = [];

    private SeedRegister(string? folder, ImmutableArray<Seed> seeds, ImmutableArray<InputFileDigest> files, ImmutableArray<Diagnostic> diagnostics, ImmutableArray<SeedCorrelationGroup> correlations = default)
    {
        Folder = folder;
        Seeds = seeds;
        CorrelationGroups = correlations.IsDefault ? [] : correlations;
        FileDigests = files;
        Files = [.. files.Select(f => f.FullPath)];
        Diagnostics = diagnostics;
        _byId = seeds.DistinctBy(s => s.Id).ToFrozenDictionary(s => s.Id);
    }

    public static SeedRegister Empty { get; } = new(null, [], [], []);

    /// <summary>The folder read; null for the empty register.</summary>
    public string? Folder { get; }

    /// <summary>Every seed, sorted by id.</summary>
    public ImmutableArray<Seed> Seeds { get; }

    /// <summary>Groups of seeds sampled together, sorted by id; each seed is in at most one.</summary>
    public ImmutableArray<SeedCorrelationGroup> CorrelationGroups { get; }

    /// <summary>The files read, full paths, ordinal order.</summary>
    public ImmutableArray<string> Files { get; }

    /// <summary>Each file's bytes' hash as read (null for one that could not be read), for the <see cref="Loading.InputSet"/>.</summary>
    public ImmutableArray<InputFileDigest> FileDigests { get; }

    /// <summary>Problems found reading the register.</summary>
    public ImmutableArray<Diagnostic> Diagnostics { get; }

    public bool TryGet(SeedId id, out Seed seed) => _byId.TryGetValue(id, out seed!);

    /// <summary>Where the seed was defined (its file, line and column).</summary>
    public SourcePosition PositionOf(SeedId id) => _positions.GetValueOrDefault(id) ?? SourcePosition.None;

    /// <summary>Reads every <c>*.json</c> in <paramref name="folder"/>. <paramref name="displayFolder"/> is how paths appear in diagnostics.</summary>
    public static SeedRegister Load(string folder, string? displayFolder = null)
    {
        displayFolder ??= folder;
        var diagnostics = new List<Diagnostic>();
        if (!Directory.Exists(folder))
        {
            diagnostics.Add(DiagnosticCodes.SeedsFolder.InFile(displayFolder, $"Seeds folder '{displayFolder}' does not exist; figures' sources cannot be checked."));
            return new SeedRegister(folder, [], [], [.. diagnostics]);
        }

        ImmutableArray<string> files;
        try
        {
            files = [.. Directory.GetFiles(folder, "*.json").Order(StringComparer.Ordinal)];
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            diagnostics.Add(DiagnosticCodes.Unreadable.InFile(displayFolder, $"Cannot list seeds folder '{displayFolder}': {ex.Message}",
                "Give the user running logistics read and search permission on the seeds folder."));
            return new SeedRegister(folder, [], [], [.. diagnostics]);
        }

        var seeds = new List<Seed>();
        var digests = new List<InputFileDigest>();
        var groups = new List<(SeedCorrelationGroup Group, SourcePosition Position)>();
        var positions = new Dictionary<SeedId, SourcePosition>();
        foreach (var file in files)
        {
            var display = Path.Combine(displayFolder, Path.GetFileName(file));
            var read = InputFileReader.Read(file, display);
            digests.Add(InputFileDigest.Of(Path.GetFullPath(file), read.Bytes));
            var (parsed, problem) = read.Bytes is { } bytes ? FileInput.Parse(file, display, bytes) : (null, read.Problem);
            if (problem is not null)
            {
                diagnostics.Add(problem);
                continue;
            }

            seeds.AddRange(ReadFile((JObject)parsed!.Root, display, diagnostics, positions));
            groups.AddRange(ReadCorrelations((JObject)parsed.Root, display, diagnostics));
        }

        CheckCorrelations(groups, seeds, diagnostics);

        foreach (var duplicate in seeds.GroupBy(s => s.Id).Where(g => g.Count() > 1))
        {
            diagnostics.Add(DiagnosticCodes.BadSeed.InFile(duplicate.First().File,
                $"Seed '{duplicate.Key}' is defined {duplicate.Count()} times (in {string.Join(", ", duplicate.Select(s => s.File).Distinct())}).",
                "Keep one definition per seed id."));
        }

        var register = new SeedRegister(folder, [.. seeds.OrderBy(s => s.Id)], [.. digests], [.. diagnostics],
            [.. groups.Select(g => g.Group).OrderBy(g => g.Id, StringComparer.Ordinal)]);
        foreach (var (id, position) in positions) register._positions[id] = position;
        return register;
    }

    private static List<Seed> ReadFile(JObject root, string file, List<Diagnostic> diagnostics, Dictionary<SeedId, SourcePosition> positions)
    {
        var top = new ElementReader(root, FormatTable.SeedsFile, "", diagnostics);
        var seeds = new List<Seed>();
        foreach (var (item, index) in top.Children("seeds"))
        {
            var r = new ElementReader(item, FormatTable.Seed, $"seeds[{index}]", diagnostics);
            if (r.String("id") is not { } id || r.String("confidence") is not { } confidenceText || r.String("unit") is not { } unit) continue;
            var confidence = confidenceText switch { "H" => SeedConfidence.High, "M" => SeedConfidence.Medium, "L" => SeedConfidence.Low, _ => SeedConfidence.Assumption };
            var point = r.Child("point") is { } p ? ReadPoint(new ElementReader(p, FormatTable.SeedPoint, $"seeds[{index}].point", diagnostics)) : null;
            var seed = new Seed(new SeedId(id), r.Number("value"), r.Number("low"), r.Number("high"), point, unit,
                r.Child("source") is { } s ? ReadCitation(new ElementReader(s, FormatTable.SeedSource, $"seeds[{index}].source", diagnostics)) : null,
                confidence, r.String("derived") ?? "", r.String("note") ?? "",
                [.. r.Children("alternatives").Select(a => ReadAlternative(new ElementReader(a.Item, FormatTable.SeedAlternative, $"seeds[{index}].alternatives[{a.Index}]", diagnostics), diagnostics))],
                file)
            { ContextOnly = r.Boolean("contextOnly") };
            seed = seed with { Distribution = ParseDistribution(r.String("distribution")) };
            var path = $"seeds[{id}]";
            if (seed.Distribution is not SeedDistribution.Fixed && seed.Low is { } l && seed.High is { } h)
            {
                if (seed.Distribution == SeedDistribution.Lognormal && !(l > 0))
                    diagnostics.Add(DiagnosticCodes.BadSeed.At(r.PositionOf("distribution"), path, $"Seed '{id}' is lognormal but its low is not positive.", "A lognormal seed needs 0 < low < high; choose triangular or uniform for ranges that reach zero."));
                if (seed.Value is { } v && (v < l || v > h) && seed.Distribution is SeedDistribution.Triangular or SeedDistribution.Pert)
                    diagnostics.Add(DiagnosticCodes.BadSeed.At(r.PositionOf("value"), path, $"Seed '{id}' has its value outside [low, high], so a {seed.Distribution.ToString().ToLowerInvariant()} distribution has no mode in its range.", "Put the value inside the range, or declare \"distribution\": \"uniform\"."));
            }

            if (confidence == SeedConfidence.Assumption && (seed.Low is null || seed.High is null))
                diagnostics.Add(DiagnosticCodes.BadSeed.At(r.Position, path, $"Seed '{id}' is an assumption without a low/high range.", "Add \"low\" and \"high\" to say how unsure the assumption is."));
            if (confidence != SeedConfidence.Assumption && seed.Source is null)
                diagnostics.Add(DiagnosticCodes.BadSeed.At(r.Position, path, $"Seed '{id}' has confidence {confidenceText} but no source.", "Add a source { title, publisher, date, url }, or mark it \"confidence\": \"assumption\" with low and high."));
            if (seed.Value is null && seed.Point is null && (seed.Low is null || seed.High is null))
                diagnostics.Add(DiagnosticCodes.BadSeed.At(r.Position, path, $"Seed '{id}' has no value, point or range.", "Give a value, a point or low and high."));
            if (seed.Low is { } lo && seed.High is { } hi && lo > hi)
                diagnostics.Add(DiagnosticCodes.InconsistentNumbers.At(r.PositionOf("low"), path, $"Seed '{id}' has low {lo.ToString(System.Globalization.CultureInfo.InvariantCulture)} above high {hi.ToString(System.Globalization.CultureInfo.InvariantCulture)}."));
            seeds.Add(seed);
            positions.TryAdd(seed.Id, r.Position);
        }

        return seeds;
    }

    private static SeedDistribution ParseDistribution(string? text) => text switch
    {
        "uniform" => SeedDistribution.Uniform,
        "pert" => SeedDistribution.Pert,
        "lognormal" => SeedDistribution.Lognormal,
        "fixed" => SeedDistribution.Fixed,
        _ => SeedDistribution.Triangular,
    };

    private static List<(SeedCorrelationGroup Group, SourcePosition Position)> ReadCorrelations(JObject root, string file, List<Diagnostic> diagnostics)
    {
        var top = new ElementReader(root, FormatTable.SeedsFile, "", new List<Diagnostic>()); // the file's shape is reported once, by ReadFile
        var groups = new List<(SeedCorrelationGroup, SourcePosition)>();
        foreach (var (item, index) in top.Children("correlations"))
        {
            var r = new ElementReader(item, FormatTable.SeedCorrelation, $"correlations[{index}]", diagnostics);
            if (r.String("id") is not { } id || r.Number("rankCorrelation") is not { } rho) continue;
            groups.Add((new SeedCorrelationGroup(id, [.. r.Ids("seeds").Select(s => new SeedId(s))], rho, r.String("note") ?? "", file), r.Position));
        }

        return groups;
    }

    /// <summary>Every member must be a seed with a range, in one group only; the common correlation must make a valid correlation matrix.</summary>
    private static void CheckCorrelations(List<(SeedCorrelationGroup Group, SourcePosition Position)> groups, List<Seed> seeds, List<Diagnostic> diagnostics)
    {
        var known = seeds.GroupBy(s => s.Id).ToDictionary(g => g.Key, g => g.First());
        var member = new Dictionary<SeedId, string>();
        foreach (var (group, position) in groups)
        {
            var path = $"correlations[{group.Id}]";
            if (groups.Count(g => g.Group.Id == group.Id) > 1)
                diagnostics.Add(DiagnosticCodes.BadSeed.At(position, path, $"Correlation group '{group.Id}' is defined more than once.", "Keep one definition per group id."));
            if (group.Seeds.Distinct().Count() < 2)
                diagnostics.Add(DiagnosticCodes.BadSeed.At(position, path, $"Correlation group '{group.Id}' names fewer than two distinct seeds.", "List two or more seed ids in \"seeds\"."));
            var k = group.Seeds.Distinct().Count();
            // An equicorrelation matrix is positive definite only for ρ in (−1/(k−1), 1).
            if (k >= 2 && (group.RankCorrelation >= 1 || group.RankCorrelation <= -1.0 / (k - 1)))
                diagnostics.Add(DiagnosticCodes.BadSeed.At(position, $"{path}.rankCorrelation", FormattableString.Invariant($"Correlation group '{group.Id}' has rank correlation {group.RankCorrelation}, which no {k} seeds can all have with each other."),
                    FormattableString.Invariant($"Choose a value above {-1.0 / (k - 1):G3} and below 1 (0.99 for seeds that move as one).")));
            foreach (var id in group.Seeds.Distinct())
            {
                if (!known.TryGetValue(id, out var seed))
                    diagnostics.Add(DiagnosticCodes.BadSeed.At(position, path, $"Correlation group '{group.Id}' names seed '{id}', which the register does not define.", "Fix the id or add the seed."));
                else if (seed.Low is null || seed.High is null || seed.Distribution == SeedDistribution.Fixed)
                    diagnostics.Add(DiagnosticCodes.BadSeed.At(position, path, $"Correlation group '{group.Id}' names seed '{id}', which has no range to sample (or is fixed).", "Give the seed low and high, or leave it out of the group."));
                if (!member.TryAdd(id, group.Id) && member[id] != group.Id)
                    diagnostics.Add(DiagnosticCodes.BadSeed.At(position, path, $"Seed '{id}' is in correlation groups '{member[id]}' and '{group.Id}'.", "A seed may belong to one correlation group only."));
            }
        }
    }

    private static SeedPoint? ReadPoint(ElementReader r) =>
        r.Number("lat") is { } lat && r.Number("lon") is { } lon ? new SeedPoint(lat, lon) : null;

    private static SeedCitation ReadCitation(ElementReader r) =>
        new(r.String("title") ?? "", r.String("publisher") ?? "", r.String("date") ?? "", r.String("url") ?? "");

    private static SeedAlternative ReadAlternative(ElementReader r, List<Diagnostic> diagnostics) =>
        new(r.Number("value") ?? 0, r.Child("source") is { } s ? ReadCitation(new ElementReader(s, FormatTable.SeedSource, $"{r.Path}.source", diagnostics)) : null, r.String("note") ?? "");
}
