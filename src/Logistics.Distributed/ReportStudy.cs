using System.Collections.Immutable;
using System.Text.Json;

using Logistics.Analysis;
using Logistics.Analysis.Uncertainty;
using Logistics.Application;
using Logistics.Network.Model;
using Logistics.Optimisation;
using Logistics.Reports;

namespace Logistics.Distributed;

/// <summary>
/// A whole report bundle (<c>logistics report</c>) as work items: every analysis the report runs is split as its own
/// study kind splits it, and their units run side by side, stage by stage:
/// stage 0 the report's own solve, each compared variant, each sweep's first point and the uncertainty's central plan;
/// stage 1 each value solve, the resilience base optimum, each sweep's other points, each draw and each tornado solve;
/// stage 2 each outage answer, each sweep's bisections and each regret evaluation.
/// Value and resilience wait for stage 1 because whether they run depends on the report's own solve
/// (<see cref="StudyRunner.Runs"/>, as a study on one machine decides). Each unit stores its analysis record and the solves it took, so every
/// analysis gets its own tally; the last item's worker hands the assembled <see cref="StudyResult"/> to
/// <see cref="ReportBundleWriter.Write"/>, which writes the bundle <c>logistics report --parallel 1</c> writes for the
/// same inputs and settings, and stores its files (<see cref="StoredBundle"/>).
/// </summary>
public sealed class ReportStudy : IStudyPlan
{
    private const int StageCount = 3;

    private static readonly JsonSerializerOptions UnitJson = new(JsonSerializerDefaults.Web);

    public static ReportStudy Instance { get; } = new();

    /// <summary>What a unit computes; its index within the part is the unit's offset in its segment.</summary>
    private enum Part
    {
        Base,
        Compare,
        SweepFirst,
        UncertaintyCentral,
        Value,
        ResilienceBase,
        SweepGrid,
        UncertaintyDraw,
        UncertaintyTornado,
        ResilienceAnswer,
        SweepBisect,
        UncertaintyRegret,
    }

    public int? UnitCount(StudyContext study, int stage) => stage < StageCount ? Segments(study, stage).Sum(s => s.Count) : null;

    public string RunUnit(StudyContext study, int stage, int unit, SolveScheduler scheduler, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scheduler);
        var segment = Segments(study, stage).First(s => unit >= s.Offset && unit < s.Offset + s.Count);
        var i = unit - segment.Offset;
        var before = scheduler.Tally;
        var record = segment.Part switch
        {
            // The report's own solve, with prices, exactly as the builder makes it (not counted in any analysis's tally).
            Part.Base => Json(new NetworkOptimiser().Solve(study.Network(), study.Settings.Solver, cancellationToken)),
            Part.Compare => Json(CompareAnalysis.SolveVariant(study.Source, Variants(study)[i], scheduler, study.Settings, cancellationToken)),
            Part.SweepFirst => Json(scheduler.Solve(new SolveJob(SweepPlan(study, segment.Sweep).First), cancellationToken)),
            Part.UncertaintyCentral => Json(Draws(study).SolveCentral(cancellationToken)),
            Part.Value => Json(scheduler.Solve(new SolveJob(ValueVariants(study)[i]), cancellationToken)),
            Part.ResilienceBase => Json(scheduler.Solve(new SolveJob(study.Network()), cancellationToken)),
            Part.SweepGrid => Json(SweepAnalysis.GridPoint(SweepPlan(study, segment.Sweep), i + 1, SweepHint(study, segment.Sweep), scheduler, cancellationToken)),
            Part.UncertaintyDraw => Json(Draws(study).SolveDraw(i, Central(study).Result, cancellationToken)),
            Part.UncertaintyTornado => Json(Draws(study).SolveTornadoMove(i, Central(study).Result, cancellationToken)),
            Part.ResilienceAnswer => Json(ResilienceAnalysis.Answer(Resilience(study).Plan!, i, scheduler, study.Settings, cancellationToken)),
            Part.SweepBisect => Json(SweepAnalysis.Bisect(SweepPlan(study, segment.Sweep), SweepBrackets(study, segment.Sweep)[i], scheduler, cancellationToken)),
            _ => Json(Draws(study).SolveRegret(RegretPlans(study)[i / Draws(study).Draws], i % Draws(study).Draws, cancellationToken)),
        };
        var after = scheduler.Tally;
        return JsonSerializer.Serialize(new ReportUnit(record, after.Solves - before.Solves, after.Unproven - before.Unproven), UnitJson);
    }

    /// <summary>A report shows every unit's answer, so a unit that fails every attempt fails the study, with the reason.</summary>
    public string? Substitute(StudyContext study, int stage, int unit, string reason)
    {
        var segment = Segments(study, stage).First(s => unit >= s.Offset && unit < s.Offset + s.Count);
        throw new StudyFailedException($"The report's {Describe(segment.Part)} unit {unit - segment.Offset} could not be computed: {reason}");
    }

    /// <summary>The bundle's analyses from their units; <paramref name="tally"/> (every solve of the study) is not used: each analysis counts its own.</summary>
    public string Assemble(StudyContext study, SolveTally tally)
    {
        var baseResult = Base(study);
        var request = Request(study);
        ComparisonReport? comparison = null;
        if (Requested(study).Contains(AnalysisKind.Compare))
        {
            var outcomes = Records<ScenarioOutcome>(study, 0, Part.Compare);
            var baseNetwork = study.Cached("base", () => study.Source.Bind().Network ?? throw new StudyFailedException("The base network does not load."));
            comparison = CompareAnalysis.Assemble(baseNetwork, [.. outcomes.Select(o => o.Record)], Tally(outcomes));
        }

        ValueReport? values = null;
        if (Runs(study, AnalysisKind.Value))
        {
            var results = Records<OptimisationResult>(study, 1, Part.Value);
            values = ValueAnalysis.Assemble(study.Network(), [.. results.Select(r => r.Record)], Tally(results));
        }

        ResilienceReport? resilience = null;
        var skipped = ImmutableArray<(AnalysisKind, string)>.Empty;
        if (Runs(study, AnalysisKind.Resilience))
        {
            var (plan, reason) = Resilience(study);
            if (plan is null)
            {
                skipped = [(AnalysisKind.Resilience, reason!)];
            }
            else
            {
                var answers = Records<OutageAnswer>(study, 2, Part.ResilienceAnswer);
                var solves = Sum(Tally(Records<OptimisationResult>(study, 1, Part.ResilienceBase)), Tally(answers));
                resilience = ResilienceAnalysis.Assemble(plan, [.. answers.Select(a => a.Record)], study.Settings, solves);
            }
        }

        var sweeps = ImmutableArray.CreateBuilder<SweepReport>();
        for (var k = 0; k < Sweeps(study).Length; k++)
        {
            var first = Records<OptimisationResult>(study, 0, Part.SweepFirst, k);
            var grid = Records<SweepPoint>(study, 1, Part.SweepGrid, k);
            var switches = Records<SwitchingPoint>(study, 2, Part.SweepBisect, k);
            sweeps.Add(SweepAnalysis.Assemble(SweepPlan(study, k), SweepPoints(study, k), [.. switches.Select(s => s.Record)], Sum(Tally(first), Tally(grid), Tally(switches))));
        }

        UncertaintyReport? uncertainty = null;
        if (request.Uncertainty is not null)
        {
            var draws = Records<UncertaintyPiece>(study, 1, Part.UncertaintyDraw).Select(d => d.Record).ToList();
            var tornado = Records<UncertaintyPiece>(study, 1, Part.UncertaintyTornado).Select(d => d.Record).ToList();
            var regret = Records<RegretPiece>(study, 2, Part.UncertaintyRegret).Select(d => d.Record).ToList();
            uncertainty = Draws(study).Assemble(Central(study), draws, tornado, regret);
        }

        var folder = Path.Combine(Path.GetTempPath(), "logistics-report-study-" + study.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) + "-" + Guid.NewGuid().ToString("N"));
        try
        {
            // The bundle's input is read and bound again here, as the report's study does (no solve).
            var builder = Builder(study);
            var input = StudyRunner.Load(study.Source, builder.StudyFor(request));
            var result = new StudyResult(input, Requested(study), baseResult, comparison, values, resilience, sweeps.ToImmutable(), uncertainty) { Skipped = skipped, StartedAt = TimeProvider.System.GetUtcNow() };
            var run = builder.Writer.Write(request, result, folder);
            return StoredBundle.Read(run, folder).ToJson();
        }
        finally
        {
            if (Directory.Exists(folder))
                Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>The report request a study stands for, on this worker's copy of the inputs: as <c>logistics report</c> makes it from the same options.</summary>
    public static ReportRequest Request(StudyContext study)
    {
        ArgumentNullException.ThrowIfNull(study);
        var d = study.Definition;
        return new ReportRequest(study.Source.FilePath, d.Scenarios, d.Report?.Analyses ?? [], d.TimeLimitSeconds is { } s ? TimeSpan.FromSeconds(s) : null, d.RelativeGap, d.Backend)
        {
            Scenario = d.Scenario,
            Uncertainty = d.Draws > 0 ? new ReportUncertainty(d.Draws, d.Seed) : null,
        };
    }

    /// <summary>
    /// The builder that writes the bundle: one solve at a time (each unit runs so), no run times (so equal inputs give
    /// equal bytes), the study's sweeps.
    /// </summary>
    public static ReportBundleBuilder Builder(StudyDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        return new ReportBundleBuilder(TimeProvider.System) { Parallelism = 1, IncludeTimings = false, Sweeps = definition.Report?.Sweeps ?? [] };
    }

    private static ReportBundleBuilder Builder(StudyContext study) => Builder(study.Definition);

    /// <summary>The units of <paramref name="stage"/>, segment by segment, knowing every earlier stage.</summary>
    private static ImmutableArray<Segment> Segments(StudyContext study, int stage) => study.Cached($"segments{stage}", () =>
    {
        var parts = new List<(Part Part, int Sweep, int Count)>();
        var sweeps = Sweeps(study).Length;
        var uncertain = Request(study).Uncertainty is not null;
        switch (stage)
        {
            case 0:
                parts.Add((Part.Base, 0, 1));
                if (Requested(study).Contains(AnalysisKind.Compare)) parts.Add((Part.Compare, 0, Variants(study).Length));
                for (var k = 0; k < sweeps; k++) parts.Add((Part.SweepFirst, k, 1));
                if (uncertain) parts.Add((Part.UncertaintyCentral, 0, 1));
                break;
            case 1:
                if (Runs(study, AnalysisKind.Value)) parts.Add((Part.Value, 0, ValueVariants(study).Length));
                if (Runs(study, AnalysisKind.Resilience)) parts.Add((Part.ResilienceBase, 0, 1));
                for (var k = 0; k < sweeps; k++) parts.Add((Part.SweepGrid, k, SweepPlan(study, k).Values.Length - 1));
                if (uncertain) parts.Add((Part.UncertaintyDraw, 0, Draws(study).Draws));
                if (uncertain) parts.Add((Part.UncertaintyTornado, 0, Draws(study).TornadoMoves));
                break;
            default:
                if (Runs(study, AnalysisKind.Resilience) && Resilience(study).Plan is { } plan) parts.Add((Part.ResilienceAnswer, 0, plan.AnswerCount));
                for (var k = 0; k < sweeps; k++) parts.Add((Part.SweepBisect, k, SweepBrackets(study, k).Length));
                if (uncertain) parts.Add((Part.UncertaintyRegret, 0, RegretPlans(study).Length * Draws(study).Draws));
                break;
        }

        var offset = 0;
        var segments = ImmutableArray.CreateBuilder<Segment>();
        foreach (var (part, sweep, count) in parts)
        {
            segments.Add(new Segment(part, sweep, count, offset));
            offset += count;
        }

        return new Holder<ImmutableArray<Segment>>(segments.ToImmutable());
    }).Value;

    /// <summary>The records of one part of a finished stage, with each unit's solves.</summary>
    private static ImmutableArray<Unit<T>> Records<T>(StudyContext study, int stage, Part part, int sweep = 0)
        where T : class => study.Cached($"records{stage}:{part}:{sweep}", () =>
    {
        var segment = Segments(study, stage).SingleOrDefault(s => s.Part == part && s.Sweep == sweep);
        if (segment is null)
            return new Holder<ImmutableArray<Unit<T>>>([]);
        var units = study.EarlierStages[stage];
        return new Holder<ImmutableArray<Unit<T>>>([.. Enumerable.Range(segment.Offset, segment.Count).Select(u =>
        {
            var stored = units[u] is { } text ? JsonSerializer.Deserialize<ReportUnit>(text, UnitJson) : null;
            if (stored is null)
                throw new StudyFailedException($"The report's {Describe(part)} unit {u - segment.Offset} has no result.");
            return new Unit<T>(AnalysisJson.Deserialize<T>(stored.Record), stored.Solves, stored.Unproven);
        })]);
    }).Value;

    private static SolveTally Tally<T>(IEnumerable<Unit<T>> units) => new(units.Sum(u => u.Solves), units.Sum(u => u.Unproven));

    private static SolveTally Sum(params SolveTally[] tallies) => new(tallies.Sum(t => t.Solves), tallies.Sum(t => t.Unproven));

    private static OptimisationResult Base(StudyContext study) => Records<OptimisationResult>(study, 0, Part.Base)[0].Record;

    private static ImmutableArray<AnalysisKind> Requested(StudyContext study) =>
        study.Cached("requested", () => new Holder<ImmutableArray<AnalysisKind>>(AnalysisKinds.Select(study.Definition.Report?.Analyses ?? []))).Value;

    /// <summary>Whether the report runs value or resilience: decided by the report's own solve (stage 0), as the builder decides.</summary>
    private static bool Runs(StudyContext study, AnalysisKind analysis) => StudyRunner.Runs(analysis, Requested(study), study.Network(), Base(study));

    /// <summary>The compared variants: the scenarios as asked, or every scenario the file defines.</summary>
    private static ImmutableArray<string?> Variants(StudyContext study) => study.Cached("variants", () =>
        new Holder<ImmutableArray<string?>>(CompareAnalysis.Variants(study.Definition.Scenarios.IsDefaultOrEmpty ? study.Source.ScenarioIds : study.Definition.Scenarios))).Value;

    private static ImmutableArray<NetworkSnapshot> ValueVariants(StudyContext study) =>
        study.Cached("value", () => new Holder<ImmutableArray<NetworkSnapshot>>(ValueAnalysis.Variants(study.Network()))).Value;

    /// <summary>The outages measured against the resilience base optimum (stage 1), or the analysis's reason why it cannot run.</summary>
    private static (ResiliencePlan? Plan, string? Reason) Resilience(StudyContext study) => study.Cached("resilience", () =>
    {
        try
        {
            return new Holder<(ResiliencePlan?, string?)>((ResilienceAnalysis.Plan(study.Network(), Records<OptimisationResult>(study, 1, Part.ResilienceBase)[0].Record), null));
        }
        catch (AnalysisInputException ex)
        {
            return new Holder<(ResiliencePlan?, string?)>((null, ex.Message));
        }
    }).Value;

    private static ImmutableArray<SweepRequest> Sweeps(StudyContext study) => study.Cached("sweeps", () =>
        new Holder<ImmutableArray<SweepRequest>>(Requested(study).Contains(AnalysisKind.Sweep) ? StudyRunner.SweepsFor(Builder(study).StudyFor(Request(study))) : [])).Value;

    private static SweepPlan SweepPlan(StudyContext study, int sweep) => study.Cached($"sweep{sweep}", () =>
    {
        try
        {
            return SweepAnalysis.Plan(study.Source, Sweeps(study)[sweep]);
        }
        catch (AnalysisInputException ex)
        {
            throw new StudyFailedException(ex.Message);
        }
    });

    private static ImmutableDictionary<Network.Model.OptionId, bool>? SweepHint(StudyContext study, int sweep) =>
        study.Cached($"sweephint{sweep}", () => new Holder<ImmutableDictionary<Network.Model.OptionId, bool>?>(Outcomes.Hint(Records<OptimisationResult>(study, 0, Part.SweepFirst, sweep)[0].Record))).Value;

    private static ImmutableArray<SweepPoint> SweepPoints(StudyContext study, int sweep) => study.Cached($"sweeppoints{sweep}", () =>
        new Holder<ImmutableArray<SweepPoint>>([
            SweepAnalysis.FirstPoint(SweepPlan(study, sweep), Records<OptimisationResult>(study, 0, Part.SweepFirst, sweep)[0].Record),
            .. Records<SweepPoint>(study, 1, Part.SweepGrid, sweep).Select(p => p.Record)])).Value;

    private static ImmutableArray<SweepBracket> SweepBrackets(StudyContext study, int sweep) =>
        study.Cached($"brackets{sweep}", () => new Holder<ImmutableArray<SweepBracket>>(SweepAnalysis.Brackets(SweepPoints(study, sweep)))).Value;

    /// <summary>The report's uncertainty draws (of the report's subject, with tornado and regret, as <see cref="StudyRunner"/> runs them), made once per worker and study stage.</summary>
    private static UncertaintyDrawSet Draws(StudyContext study) => study.Cached("draws", () =>
    {
        var uncertainty = Request(study).Uncertainty ?? throw new StudyFailedException("The report asks for no uncertainty study.");
        try
        {
            return UncertaintyDrawSet.Prepare(study.Source, StudyRunner.UncertaintyFor(uncertainty.Options(), study.Definition.Scenario, study.Network().IsPeriodised), study.Settings);
        }
        catch (AnalysisInputException ex)
        {
            throw new StudyFailedException(ex.Message);
        }
    });

    private static UncertaintyPiece Central(StudyContext study) => Records<UncertaintyPiece>(study, 0, Part.UncertaintyCentral)[0].Record;

    private static ImmutableArray<ImmutableArray<PlannedBuild>> RegretPlans(StudyContext study) => study.Cached("plans", () =>
        new Holder<ImmutableArray<ImmutableArray<PlannedBuild>>>(Draws(study).CandidatePlans(Central(study), [.. Records<UncertaintyPiece>(study, 1, Part.UncertaintyDraw).Select(d => d.Record)]))).Value;

    private static string Describe(Part part) => part switch
    {
        Part.Base => "own solve",
        Part.Compare => "comparison",
        Part.Value => "value",
        Part.ResilienceBase => "resilience base optimum",
        Part.ResilienceAnswer => "outage answer",
        Part.SweepFirst or Part.SweepGrid => "sweep point",
        Part.SweepBisect => "sweep bisection",
        Part.UncertaintyCentral => "uncertainty central plan",
        Part.UncertaintyDraw => "uncertainty draw",
        Part.UncertaintyTornado => "tornado",
        _ => "regret evaluation",
    };

    private static string Json<T>(T record)
        where T : class => AnalysisJson.Serialize(record, includeTimings: true);

    /// <summary>A run of units of one part within a stage: units <see cref="Offset"/> to <see cref="Offset"/> + <see cref="Count"/> − 1.</summary>
    private sealed record Segment(Part Part, int Sweep, int Count, int Offset);

    /// <summary>A unit as stored: its analysis record (AnalysisJson) and the solves it took, for its analysis's tally.</summary>
    private sealed record ReportUnit(string Record, int Solves, int Unproven);

    private sealed record Unit<T>(T Record, int Solves, int Unproven);

    private sealed record Holder<T>(T Value);
}
