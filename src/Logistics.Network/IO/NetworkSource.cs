using System.Collections.Immutable;
using System.Globalization;

using Logistics.Network.Diagnostics;
using Logistics.Network.IO.Binding;
using Logistics.Network.IO.Format;
using Logistics.Network.IO.Json;
using Logistics.Network.Model;
using Logistics.Network.Validation;

namespace Logistics.Network.IO;

/// <summary>
/// A network file with its overlay files and seeds register, read once. <see cref="Bind"/> makes a snapshot
/// from the in-memory tree without touching the disk, so analyses can bind hundreds of variants cheaply.
/// </summary>
public sealed class NetworkSource
{
    private readonly JObject _root;
    private readonly ImmutableArray<Diagnostic> _readDiagnostics;
    private readonly Lock _structureGate = new();
    private ImmutableArray<Diagnostic> _structuralFindings;

    private NetworkSource(string filePath, JObject root, SeedRegister seeds, InputSet inputs, ImmutableArray<Diagnostic> readDiagnostics)
    {
        FilePath = filePath;
        _root = root;
        Seeds = seeds;
        Inputs = inputs;
        _readDiagnostics = readDiagnostics;
    }

    /// <summary>The network file's path as given.</summary>
    public string FilePath { get; }

    /// <summary>The network file, its overlay files and its seeds files, each with its hash (the worker keys its reports by the same set).</summary>
    public InputSet Inputs { get; }

    /// <summary>SHA-256 (lower-case hex) of <see cref="Inputs"/>.</summary>
    public string ContentHash => Inputs.ContentHash;

    /// <summary>Every file read: the network file first, then overlay and seeds files in ordinal order of their path relative to it.</summary>
    public ImmutableArray<string> InputFiles => [.. Inputs.Files.Select(f => f.FullPath)];

    public SeedRegister Seeds { get; }

    /// <summary>Ids of the scenarios the file defines, in file order.</summary>
    public ImmutableArray<string> ScenarioIds =>
        [.. (_root["scenarios"] as JArray)?.Items.OfType<JObject>().Select(s => (s["id"] as JValue)?.Text).OfType<string>() ?? []];

    /// <summary>Reads the network file, its scenario overlay files and its seeds folder.</summary>
    public static (NetworkSource? Source, ImmutableArray<Diagnostic> Diagnostics) Read(string path)
    {
        var (file, problem) = FileInput.Read(path, path);
        if (problem is not null) return (null, [problem]);
        return FromParsed(file!, path);
    }

    /// <summary>Reads network text as if it were the file at <paramref name="path"/> (overlays and seeds resolve from there).</summary>
    public static (NetworkSource? Source, ImmutableArray<Diagnostic> Diagnostics) FromText(string json, string path)
    {
        var (file, problem) = FileInput.Parse(path, path, System.Text.Encoding.UTF8.GetBytes(json));
        if (problem is not null) return (null, [problem]);
        return FromParsed(file!, path);
    }

    internal static (NetworkSource? Source, ImmutableArray<Diagnostic> Diagnostics) FromParsed(ParsedFile file, string path)
    {
        var diagnostics = new List<Diagnostic>();
        var root = (JObject)file.Root;
        if (root["formatVersion"] is null)
            diagnostics.Add(DiagnosticCodes.Version.At(root.Position, "formatVersion", "The file has no formatVersion.", "Add \"formatVersion\": 1 at the top."));
        var directory = Path.GetDirectoryName(Path.GetFullPath(path)) ?? ".";
        var displayRooted = Path.IsPathRooted(path);
        var referenced = new List<InputFileDigest>();

        // Overlay files replace their { "file": … } entry, so binding sees one tree with every position kept. Each
        // file is read once however many scenarios name it.
        var overlays = new Dictionary<string, (JObject? Scenario, Diagnostic? Problem)>(StringComparer.Ordinal);
        if (root["scenarios"] is JArray scenarios)
        {
            for (var i = 0; i < scenarios.Items.Count; i++)
            {
                if (scenarios.Items[i] is not JObject entry || entry["file"] is not JValue { Kind: JValueKind.String } fileName) continue;
                var at = $"scenarios[{i.ToString(CultureInfo.InvariantCulture)}]";
                if (entry.Properties.Count > 1)
                {
                    diagnostics.Add(DiagnosticCodes.OverlayFile.At(entry.Position, at,
                        "A scenario that names a file must have no other field.", "Move the scenario's fields into the overlay file."));
                }

                if (!TryCombine(directory, fileName.Text!, out var overlayPath))
                {
                    diagnostics.Add(DiagnosticCodes.OverlayFile.At(fileName.Position, $"{at}.file",
                        $"Scenario overlay '{Printable(fileName.Text!)}' is not a usable file name (empty, or holding a NUL or other control character)."));
                    continue;
                }

                if (!overlays.TryGetValue(overlayPath, out var overlay))
                {
                    overlay = ReadOverlay(overlayPath, Display(overlayPath, displayRooted), diagnostics, referenced);
                    overlays[overlayPath] = overlay;
                }

                if (overlay.Problem is { } problem)
                {
                    diagnostics.Add(DiagnosticCodes.OverlayFile.At(fileName.Position, $"{at}.file", $"Scenario overlay '{fileName.Text}' could not be used ({problem.Code})."));
                    continue;
                }

                scenarios.Items[i] = overlay.Scenario!.DeepClone();
            }
        }

        var seedsFolder = (root["metadata"] as JObject)?["seeds"] is JValue { Kind: JValueKind.String } s ? s.Text! : "../seeds";
        SeedRegister seeds;
        if (TryCombine(directory, seedsFolder, out var seedsPath))
        {
            seeds = SeedRegister.Load(seedsPath, Display(seedsPath, displayRooted));
        }
        else
        {
            seeds = SeedRegister.Empty;
            diagnostics.Add(DiagnosticCodes.SeedsFolder.At((root["metadata"] as JObject)?["seeds"]?.Position, "metadata.seeds",
                $"Seeds folder '{Printable(seedsFolder)}' is not a usable folder name (empty, or holding a NUL or other control character)."));
        }

        referenced.AddRange(seeds.FileDigests);
        diagnostics.AddRange(seeds.Diagnostics);

        var inputs = InputSet.Create(path, file.Bytes, referenced);
        var source = new NetworkSource(path, root, seeds, inputs, [.. diagnostics]);
        return (source, [.. diagnostics]);
    }

    /// <summary>Reads one overlay file: its scenario object, or the problem that makes it unusable (already reported).</summary>
    private static (JObject? Scenario, Diagnostic? Problem) ReadOverlay(string overlayPath, string display, List<Diagnostic> diagnostics, List<InputFileDigest> referenced)
    {
        var read = InputFileReader.Read(overlayPath, display);
        referenced.Add(InputFileDigest.Of(overlayPath, read.Bytes));
        var (overlay, problem) = read.Bytes is { } bytes ? FileInput.Parse(overlayPath, display, bytes) : (null, read.Problem);
        if (problem is not null)
        {
            diagnostics.Add(problem);
            return (null, problem);
        }

        var top = (JObject)overlay!.Root;
        var reader = new ElementReader(top, FormatTable.ScenarioFile, "", diagnostics);
        if (reader.Child("scenario") is not { } scenario)
        {
            // The binder would skip a { "file": … } entry left in place: say why instead of dropping the scenario silently.
            var missing = DiagnosticCodes.OverlayFile.At(top.Position, "scenario",
                $"'{display}' holds no \"scenario\" object{(top["file"] is not null ? " (overlay files do not name other files)" : "")}.",
                "Write the overlay as { \"formatVersion\": 1, \"scenario\": { \"id\": …, … } }.");
            diagnostics.Add(missing);
            return (null, missing);
        }

        if (scenario["file"] is not null)
        {
            var nested = DiagnosticCodes.OverlayFile.At(scenario.Property("file")!.NamePosition, "scenario.file",
                "An overlay file's scenario cannot name another file; overlays do not nest.", "Remove \"file\" and write the scenario's fields here.");
            diagnostics.Add(nested);
            return (null, nested);
        }

        return (scenario, null);
    }

    /// <summary>Joins a file name written in the network file to its folder; false for a name no file can have.</summary>
    private static bool TryCombine(string directory, string name, out string fullPath)
    {
        fullPath = "";
        if (string.IsNullOrEmpty(name) || name.Any(char.IsControl)) return false;
        try
        {
            fullPath = Path.GetFullPath(Path.Combine(directory, name));
            return true;
        }
        catch (Exception ex) when (ex is ArgumentException or NotSupportedException or PathTooLongException)
        {
            return false;
        }
    }

    private static string Printable(string text) =>
        string.Concat(text.Select(c => char.IsControl(c) ? $"\\u{(int)c:x4}" : c.ToString()));

    /// <summary>How a related file appears in diagnostics: like the network path the user gave, absolute or relative to the current directory.</summary>
    private static string Display(string fullPath, bool rooted) =>
        rooted ? Path.GetFullPath(fullPath) : Path.GetRelativePath(Environment.CurrentDirectory, fullPath);

    /// <summary>Binds a snapshot: apply the scenario's and the extra changes to a copy of the tree, bind, apply the scenario's structure, validate.</summary>
    public LoadResult Bind(LoadOptions? options = null)
    {
        options ??= new LoadOptions();
        var diagnostics = new List<Diagnostic>(_readDiagnostics);
        JObject? scenarioObject = null;
        var changes = new List<TreeChange>();
        if (options.Scenario is { } scenarioId)
        {
            scenarioObject = (_root["scenarios"] as JArray)?.Items.OfType<JObject>().FirstOrDefault(s => (s["id"] as JValue)?.Text == scenarioId);
            if (scenarioObject is null)
            {
                var known = ScenarioIds;
                diagnostics.Add(DiagnosticCodes.UnknownScenario.InFile(FilePath, $"The file defines no scenario '{scenarioId}'.",
                    known.IsEmpty ? "The file defines no scenarios." : $"Known scenarios: {string.Join(", ", known)}."));
                return Finish(null, diagnostics, options, null);
            }

            // A change that names a period belongs to the plan over time: the file's own figures (this snapshot) keep theirs.
            changes.AddRange(ReadChanges(scenarioObject).Where(c => c.Period is null));
        }

        var extras = options.ExtraChanges.IsDefault ? [] : options.ExtraChanges;
        changes.AddRange(extras.Select(extra => new TreeChange(extra.Path, extra.Operation, extra.Value, extra.Source?.Value, SourcePosition.None)));

        // Binding never writes to the tree; only the changes do, so they get a copy of just what they can reach.
        var root = ScratchTree.For(_root, changes);
        var resolved = new Dictionary<string, TreeOverlay.ResolvedPath>(StringComparer.Ordinal);
        foreach (var change in changes)
            TreeOverlay.Apply(root, change, diagnostics, resolved);
        var isBase = scenarioObject is null && extras.IsEmpty;
        if (isBase) CheckScenarioPaths(diagnostics);

        var bound = StageTimings.Measure("bind: binder", () => NetworkBinder.Bind(root, diagnostics));
        if (bound.Network is null) return Finish(null, diagnostics, options, bound.Map);
        CheckChangePeriods(bound.Network, diagnostics);
        var context = new ValidationContext(bound.Network, bound.Map, bound.Figures, Seeds, bound.ChangeSources, FilePath) { IsBase = isBase };
        diagnostics.AddRange(NetworkValidator.ValidateProvenance(context));
        var network = bound.Network;
        var scenario = scenarioObject is null ? null : network.Scenarios.First(s => s.Id.Value == options.Scenario);
        if (scenario is not null)
            network = ScenarioStructure.Apply(network, scenario);
        var snapshot = context with { Network = network };
        if (!options.RecheckStructure && KeepsStructure(scenario, changes))
            diagnostics.AddRange(StructuralFindings(context, snapshot));
        else
            diagnostics.AddRange(NetworkValidator.ValidateReferences(context).Concat(NetworkValidator.ValidateSnapshot(snapshot)));
        if (network.IsPeriodised && !diagnostics.Any(d => d.Severity == Severity.Error))
            network = BindPeriods(network, scenarioObject, extras, diagnostics);
        return Finish(network, diagnostics, options, bound.Map);
    }

    /// <summary>
    /// True when a variant has the file's own structure: its scenario (if any) forces, forbids, disables and switches
    /// nothing, and every change ends at a cost figure (<see cref="FieldSpec.IsCostFigure"/>), which no structural check
    /// reads. Its structural findings are then the file's own, found once per source: 100 one-tariff scenarios of a
    /// 5,000-node network no longer run 100 maximum flows.
    /// </summary>
    private static bool KeepsStructure(Scenario? scenario, List<TreeChange> changes) =>
        (scenario is null || ScenarioStructure.IsFiguresOnly(scenario))
        && changes.TrueForAll(c => FormatTable.FieldAt(c.Path)?.IsCostFigure == true);

    /// <summary>The references, option-logic and snapshot findings of the file's own structure, computed by the first variant that has it.</summary>
    private ImmutableArray<Diagnostic> StructuralFindings(ValidationContext definitions, ValidationContext snapshot)
    {
        lock (_structureGate)
        {
            if (_structuralFindings.IsDefault)
                _structuralFindings = [.. NetworkValidator.ValidateReferences(definitions), .. NetworkValidator.ValidateSnapshot(snapshot)];
            return _structuralFindings;
        }
    }

    /// <summary>
    /// One snapshot per period: the file's figures, then the changes of every period up to this one (in order), then the
    /// scenario's and the extra changes, so a scenario (or a sweep, or a sampled draw) acts on every period. The result is
    /// the first period's snapshot carrying all of them; a period's own problems are reported once, naming the period.
    /// </summary>
    private Model.Network BindPeriods(Model.Network first, JObject? scenarioObject, ImmutableArray<ScenarioChange> extras, List<Diagnostic> diagnostics)
    {
        var periodObjects = (_root["periods"] as JArray)?.Items.OfType<JObject>().ToList() ?? [];
        var seen = diagnostics.Select(d => (d.Code, d.Path, d.Message)).ToHashSet();
        var snapshots = ImmutableArray.CreateBuilder<Model.Network>();
        for (var k = 0; k < first.Periods.Length; k++)
        {
            var period = first.Periods[k];
            var found = new List<Diagnostic>();
            var root = (JObject)_root.DeepClone();
            foreach (var earlier in periodObjects.Take(k + 1))
            {
                foreach (var change in ReadChanges(earlier))
                    TreeOverlay.Apply(root, change, found);
            }

            if (scenarioObject is not null)
            {
                var from = first.Periods.Take(k + 1).Select(x => x.Id.Value).ToHashSet(StringComparer.Ordinal);
                foreach (var change in ReadChanges(scenarioObject).Where(c => c.Period is null || from.Contains(c.Period)))
                    TreeOverlay.Apply(root, change, found);
            }

            foreach (var extra in extras)
                TreeOverlay.Apply(root, new TreeChange(extra.Path, extra.Operation, extra.Value, extra.Source?.Value, SourcePosition.None), found);
            var bound = NetworkBinder.Bind(root, found);
            var snapshot = bound.Network;
            if (snapshot is not null)
            {
                var context = new ValidationContext(snapshot, bound.Map, bound.Figures, Seeds, bound.ChangeSources, FilePath) { IsBase = false };
                if (first.AppliedScenario is { } applied)
                    snapshot = ScenarioStructure.Apply(snapshot, snapshot.Scenarios.First(s => s.Id == applied));
                found.AddRange(NetworkValidator.ValidateSnapshot(context with { Network = snapshot }));
                snapshots.Add(NetworkBuilder.From(snapshot).WithPeriods([], []).Build());
            }

            foreach (var d in found.Where(d => seen.Add((d.Code, d.Path, d.Message))))
                diagnostics.Add(d with { Message = $"In period '{period.Id}' ({period.Span}): {d.Message}" });
        }

        if (snapshots.Count != first.Periods.Length)
            return first;
        return NetworkBuilder.From(first).WithPeriods(first.Periods, snapshots.ToImmutable()).Build();
    }

    /// <summary>
    /// How many figures setting <paramref name="path"/> changes in the file's own figures (a sweep's count: a wildcard or a
    /// [field=value] filter may select many elements), with the diagnostics when it changes none.
    /// </summary>
    public (int Figures, ImmutableArray<Diagnostic> Diagnostics) CountFigures(string path)
    {
        var change = new TreeChange(path, ChangeOperation.Set, 0, null, SourcePosition.None);
        var diagnostics = new List<Diagnostic>();
        var figures = TreeOverlay.Apply(ScratchTree.For(_root, [change]), change, diagnostics);
        return (figures, [.. diagnostics]);
    }

    private LoadResult Finish(Model.Network? network, List<Diagnostic> diagnostics, LoadOptions options, SourceMap? map) =>
        new(network, StageTimings.Measure("bind: sort diagnostics", () => DiagnosticOrder.Sort(diagnostics, options.Strict))) { Seeds = Seeds, SourceMap = map };

    /// <summary>A scenario change that names a period must name one the file declares (else it would never act).</summary>
    private void CheckChangePeriods(Model.Network network, List<Diagnostic> diagnostics)
    {
        var known = network.Periods.Select(p => p.Id).ToHashSet();
        foreach (var scenario in network.Scenarios)
        {
            for (var i = 0; i < scenario.Changes.Length; i++)
            {
                if (scenario.Changes[i].Period is not { } period || known.Contains(period)) continue;
                diagnostics.Add(DiagnosticCodes.MissingReference.InFile(FilePath,
                    $"Change {i.ToString(CultureInfo.InvariantCulture)} of scenario '{scenario.Id}' acts from period '{period}', which the file does not declare.",
                    known.Count == 0 ? "The file has no periods: remove \"period\"." : $"Known periods: {string.Join(", ", network.Periods.Select(p => p.Id))}."));
            }
        }
    }

    /// <summary>Every scenario's paths must match something, even when that scenario is not the one applied.</summary>
    private void CheckScenarioPaths(List<Diagnostic> diagnostics)
    {
        foreach (var scenario in (_root["scenarios"] as JArray)?.Items.OfType<JObject>() ?? [])
        {
            var changes = ReadChanges(scenario).ToList();
            var scratch = ScratchTree.For(_root, changes);
            var resolved = new Dictionary<string, TreeOverlay.ResolvedPath>(StringComparer.Ordinal);
            foreach (var change in changes)
                TreeOverlay.Apply(scratch, change, diagnostics, resolved);
        }
    }

    /// <summary>The well-formed changes of a scenario object; malformed ones are reported by the binder.</summary>
    private static IEnumerable<TreeChange> ReadChanges(JObject scenario)
    {
        if (scenario["changes"] is not JArray changes) yield break;
        foreach (var item in changes.Items.OfType<JObject>())
        {
            if (item["path"] is not JValue { Kind: JValueKind.String } path) continue;
            var ops = new[] { ("set", ChangeOperation.Set), ("multiply", ChangeOperation.Multiply), ("add", ChangeOperation.Add) }
                .Where(o => item[o.Item1] is not null).ToList();
            if (ops.Count != 1 || item[ops[0].Item1] is not JValue { Kind: JValueKind.Number } value || !double.IsFinite(value.Number)) continue;
            var source = item["source"] is JValue { Kind: JValueKind.String } s ? s.Text : null;
            var period = item["period"] is JValue { Kind: JValueKind.String } p ? p.Text : null;
            yield return new TreeChange(path.Text!, ops[0].Item2, value.Number, source, value.Position, period);
        }
    }
}
