using System.Collections.Immutable;
using System.Globalization;

using Logistics.Network.Diagnostics;
using Logistics.Network.IO;
using Logistics.Network.IO.Binding;
using Logistics.Network.IO.Format;
using Logistics.Network.IO.Json;
using Logistics.Network.Model;
using Logistics.Network.Validation;

namespace Logistics.Network.Loading;

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
    private readonly Lazy<BindOutput> _fileSnapshot;
    private int _treeBinds;

    private NetworkSource(string filePath, JObject root, SeedRegister seeds, InputSet inputs, ImmutableArray<Diagnostic> readDiagnostics)
    {
        FilePath = filePath;
        _root = root;
        Seeds = seeds;
        Inputs = inputs;
        _readDiagnostics = readDiagnostics;
        _fileSnapshot = new(() => BindTree(_root, []), LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>
    /// How many times this source has bound a tree (a whole network, or one period's snapshot through its tree): variants
    /// made on snapshots (<see cref="TryVary"/>, periods' change sets) do not add to it. Tests and benchmarks read it.
    /// </summary>
    public int TreeBinds => Volatile.Read(ref _treeBinds);

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
        changes.AddRange(extras.Select(ToTreeChange));

        // Binding never writes to the tree; only the changes do, so they get a copy of just what they can reach.
        var root = ScratchTree.For(_root, changes);
        var resolved = new Dictionary<string, TreeOverlay.ResolvedPath>(StringComparer.Ordinal);
        foreach (var change in changes)
            TreeOverlay.Apply(root, change, diagnostics, resolved);
        var isBase = scenarioObject is null && extras.IsEmpty;
        if (isBase) CheckScenarioPaths(diagnostics);

        var bound = StageTimings.Measure("bind: binder", () => BindTree(root, diagnostics));
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
            network = BindPeriods(network, changes.Count == 0 ? bound : null, scenarioObject, extras, options.PeriodsThroughTree, diagnostics);
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
    /// Each period is made as a change set on the file's own snapshot (<see cref="PeriodOnSnapshot"/>), without copying
    /// or binding the tree; a period whose changes cannot be made so, or that finds something new, is bound through its
    /// tree as before, so its diagnostics keep their lines and columns.
    /// </summary>
    private NetworkSnapshot BindPeriods(NetworkSnapshot first, BindOutput? fileBound, JObject? scenarioObject, ImmutableArray<ScenarioChange> extras, bool throughTree, List<Diagnostic> diagnostics)
    {
        var periodObjects = (_root["periods"] as JArray)?.Items.OfType<JObject>().ToList() ?? [];
        var seen = diagnostics.Select(d => (d.Code, d.Path, d.Message)).ToHashSet();
        var file = throughTree ? null : fileBound ?? _fileSnapshot.Value;
        var snapshots = ImmutableArray.CreateBuilder<NetworkSnapshot>();
        for (var k = 0; k < first.Periods.Length; k++)
        {
            var period = first.Periods[k];
            var own = periodObjects.Take(k + 1).SelectMany(ReadChanges).ToList();
            var scenarioChanges = new List<TreeChange>();
            if (scenarioObject is not null)
            {
                var from = first.Periods.Take(k + 1).Select(x => x.Id.Value).ToHashSet(StringComparer.Ordinal);
                scenarioChanges.AddRange(ReadChanges(scenarioObject).Where(c => c.Period is null || from.Contains(c.Period)));
            }

            List<TreeChange> changes = [.. own, .. scenarioChanges, .. extras.Select(ToTreeChange)];
            // What the period changes beyond the first snapshot's changes: only these can give its checks new findings.
            var periodOnly = own.Concat(scenarioChanges.Where(c => c.Period is not null)).ToList();
            var snapshot = (file is null ? null : PeriodOnSnapshot(file, first, changes, periodOnly, seen)) ?? BindPeriodTree(first, changes, seen, period, diagnostics);
            if (snapshot is not null) snapshots.Add(snapshot);
        }

        if (snapshots.Count != first.Periods.Length)
            return first;
        return NetworkBuilder.From(first).WithPeriods(first.Periods, snapshots.ToImmutable()).Build();
    }

    /// <summary>
    /// A period's snapshot made as a change set on the file's snapshot: null when a change cannot be made on a snapshot,
    /// a changed figure fails its check, or the structural checks find something the first snapshot did not (the tree
    /// bind then reports it at its line and column).
    /// </summary>
    private NetworkSnapshot? PeriodOnSnapshot(BindOutput file, NetworkSnapshot first, List<TreeChange> changes, List<TreeChange> periodOnly, HashSet<(string, string, string)> seen)
    {
        if (file.Network is not { } fileNetwork) return null;
        var compiled = CompileInOrder(changes);
        if (!compiled.All(c => c.OnSnapshot)) return null;
        var set = new FigureChangeSet(compiled.SelectMany(c => c.Figures));
        if (!set.Check(fileNetwork).IsEmpty || !VariantCheck.FiguresHold(fileNetwork, set)) return null;
        var snapshot = set.ApplyTo(fileNetwork);
        if (first.AppliedScenario is { } applied)
            snapshot = ScenarioStructure.Apply(snapshot, snapshot.Scenarios.First(s => s.Id == applied));
        // Cost figures only beyond the first snapshot's changes: the structural findings are the first snapshot's (KeepsStructure).
        if (!periodOnly.TrueForAll(c => FormatTable.FieldAt(c.Path)?.IsCostFigure == true))
        {
            var context = new ValidationContext(snapshot, file.Map, file.Figures, Seeds, file.ChangeSources, FilePath) { IsBase = false };
            if (NetworkValidator.ValidateSnapshot(context).Any(d => !seen.Contains((d.Code, d.Path, d.Message)))) return null;
        }

        return NetworkBuilder.From(snapshot).WithPeriods([], []).Build();
    }

    /// <summary>A period's snapshot bound through a copy of the tree with its changes applied; its new problems are reported naming the period.</summary>
    private NetworkSnapshot? BindPeriodTree(NetworkSnapshot first, List<TreeChange> changes, HashSet<(string, string, string)> seen, PlanningPeriod period, List<Diagnostic> diagnostics)
    {
        var found = new List<Diagnostic>();
        var root = (JObject)_root.DeepClone();
        foreach (var change in changes)
            TreeOverlay.Apply(root, change, found);
        var bound = BindTree(root, found);
        NetworkSnapshot? result = null;
        if (bound.Network is { } snapshot)
        {
            var context = new ValidationContext(snapshot, bound.Map, bound.Figures, Seeds, bound.ChangeSources, FilePath) { IsBase = false };
            if (first.AppliedScenario is { } applied)
                snapshot = ScenarioStructure.Apply(snapshot, snapshot.Scenarios.First(s => s.Id == applied));
            found.AddRange(NetworkValidator.ValidateSnapshot(context with { Network = snapshot }));
            result = NetworkBuilder.From(snapshot).WithPeriods([], []).Build();
        }

        foreach (var d in found.Where(d => seen.Add((d.Code, d.Path, d.Message))))
            diagnostics.Add(d with { Message = $"In period '{period.Id}' ({period.Span}): {d.Message}" });
        return result;
    }

    /// <summary>
    /// Compiles a change written in the file's path syntax into the figure changes it makes (<see cref="CompiledChange"/>),
    /// resolved against the file as <paramref name="scenario"/>'s changes leave it: a sweep compiles its path once, then
    /// makes every point with <see cref="TryVary"/> on the snapshot bound with the scenario.
    /// </summary>
    public CompiledChange Compile(ScenarioChange change, string? scenario = null)
    {
        ArgumentNullException.ThrowIfNull(change);
        var before = new List<TreeChange>();
        if (scenario is not null)
        {
            if ((_root["scenarios"] as JArray)?.Items.OfType<JObject>().FirstOrDefault(s => (s["id"] as JValue)?.Text == scenario) is not { } scenarioObject)
                return new CompiledChange(change, [], $"the file defines no scenario '{scenario}'");
            before.AddRange(ReadChanges(scenarioObject).Where(c => c.Period is null));
        }

        return CompileInOrder([.. before, ToTreeChange(change)])[^1];
    }

    /// <summary>Each change resolved against the tree as the changes before it leave it (on a scratch copy: the read tree is never written).</summary>
    private List<CompiledChange> CompileInOrder(List<TreeChange> changes)
    {
        var scratch = ScratchTree.For(_root, changes);
        var diagnostics = new List<Diagnostic>();
        var compiled = new List<CompiledChange>(changes.Count);
        foreach (var change in changes)
        {
            var found = new List<TreeOverlay.ResolvedPath>();
            var problems = diagnostics.Count;
            TreeOverlay.Apply(scratch, change, diagnostics, null, found);
            var scenarioChange = new ScenarioChange(change.Path, change.Operation, change.Value, change.Source is null ? null : new SeedId(change.Source));
            compiled.Add(CompiledChange.From(scenarioChange, diagnostics.Count == problems && found.Count == 1 ? found[0] : null));
            TreeOverlay.Apply(scratch, change, diagnostics); // made, so the changes after it see what binding would
        }

        return compiled;
    }

    /// <summary>
    /// <paramref name="basis"/> (a snapshot this source bound, with its source map) with <paramref name="changes"/> made
    /// on it and on every period's snapshot, without binding: the changed figures are checked as binding checks them, and
    /// the structural checks run again only when a change reaches a figure they read. Null when a change does not apply
    /// to the snapshot or the variant has an error: bind through the tree then, for the diagnostics with their positions.
    /// Warnings are not looked for (the analyses that make variants do not show them).
    /// </summary>
    public NetworkSnapshot? TryVary(LoadResult basis, FigureChangeSet changes)
    {
        ArgumentNullException.ThrowIfNull(basis);
        ArgumentNullException.ThrowIfNull(changes);
        if (!basis.Succeeded || basis.Network is not { } network || basis.SourceMap is not { } map) return null;
        var plan = VaryOne(network, changes, map);
        if (plan is null || !network.IsPeriodised) return plan;
        var periods = ImmutableArray.CreateBuilder<NetworkSnapshot>(network.PeriodNetworks.Length);
        foreach (var period in network.PeriodNetworks)
        {
            if (VaryOne(period, changes, map) is not { } varied) return null;
            periods.Add(varied);
        }

        return NetworkBuilder.From(plan).WithPeriods(network.Periods, periods.MoveToImmutable()).Build();
    }

    private NetworkSnapshot? VaryOne(NetworkSnapshot snapshot, FigureChangeSet changes, SourceMap map)
    {
        if (!changes.Check(snapshot).IsEmpty || !VariantCheck.FiguresHold(snapshot, changes)) return null;
        var variant = changes.ApplyTo(snapshot);
        if (!VariantCheck.ReachesStructure(changes)) return variant;
        var context = new ValidationContext(variant, map, [], Seeds, [], FilePath) { IsBase = false };
        return NetworkValidator.ValidateSnapshot(context).Any(d => d.Severity == Severity.Error) ? null : variant;
    }

    private BindOutput BindTree(JObject root, List<Diagnostic> diagnostics)
    {
        Interlocked.Increment(ref _treeBinds);
        return NetworkBinder.Bind(root, diagnostics);
    }

    private static TreeChange ToTreeChange(ScenarioChange extra) => new(extra.Path, extra.Operation, extra.Value, extra.Source?.Value, SourcePosition.None);

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

    private LoadResult Finish(NetworkSnapshot? network, List<Diagnostic> diagnostics, LoadOptions options, SourceMap? map) =>
        new(network, StageTimings.Measure("bind: sort diagnostics", () => DiagnosticOrder.Sort(diagnostics, options.Strict))) { Seeds = Seeds, SourceMap = map };

    /// <summary>A scenario change that names a period must name one the file declares (else it would never act).</summary>
    private void CheckChangePeriods(NetworkSnapshot network, List<Diagnostic> diagnostics)
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
