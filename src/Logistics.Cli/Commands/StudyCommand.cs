using System.Collections.Immutable;
using System.CommandLine;
using System.Data.Common;
using System.Globalization;

using Logistics.Analysis;
using Logistics.Analysis.Uncertainty;
using Logistics.Application;
using Logistics.Distributed;
using Logistics.Presentation;

using Npgsql;

using static Logistics.Cli.Commands.CommandSupport;

namespace Logistics.Cli.Commands;

/// <summary>
/// <c>logistics study submit FILE --kind compare|sweep|resilience|uncertainty|report … [--item-size N] [--wait] [--json FILE] [--out DIR]</c> and
/// <c>logistics study status ID [--wait] [--json FILE] [--out DIR]</c>: a study run by distributed workers (docs/distributed.md).
/// A report study's bundle is stored in the database and written to <c>--out DIR</c> by whichever of the two asks for it.
/// The database comes from the LOGISTICS_POSTGRES environment variable, never from the command line (it may hold a
/// password). Exit codes: 0 submitted or done, 1 invalid input, 2 usage, 3 the study failed, has failed items, or
/// PostgreSQL cannot be reached, 4 done but some solve stopped before proving optimality.
/// </summary>
public static class StudyCommand
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(250);

    public static Command Create(CliContext context)
    {
        var study = new Command("study", "Run a big study on distributed workers (Hangfire + PostgreSQL; opt-in, see docs/distributed.md).");
        study.Subcommands.Add(Submit(context));
        study.Subcommands.Add(Status(context));
        return study;
    }

    private static Command Submit(CliContext context)
    {
        var file = NetworkPathArgument();
        var kind = new Option<string>("--kind") { Description = "The analysis: compare, sweep, resilience, uncertainty, or report (a whole report bundle).", Required = true };
        kind.AcceptOnlyFromAmong("compare", "sweep", "resilience", "uncertainty", "report");
        var scenarios = new Option<string>("--scenarios") { Description = "compare, report: comma-separated scenario ids, or 'all' (the default).", DefaultValueFactory = _ => "all" };
        var scenario = ScenarioOption("sweep, resilience, uncertainty: apply this scenario first; report: the report is of this scenario.");
        var param = new Option<string?>("--param") { Description = "sweep: the field to vary, as a scenario path." };
        var from = new Option<double?>("--from") { Description = "sweep: first value." };
        var to = new Option<double?>("--to") { Description = "sweep: last value." };
        var steps = new Option<int>("--steps") { Description = "sweep: number of values, both ends included.", DefaultValueFactory = _ => 11 };
        var tolerance = new Option<double?>("--tolerance") { Description = "sweep: bracket switching points to this width." };
        var draws = new Option<int>("--draws") { Description = "uncertainty: number of Latin hypercube draws (at least 2).", DefaultValueFactory = _ => 200 };
        var seed = new Option<int>("--seed") { Description = "uncertainty, report: seed of the sample; the same seed gives the same draws whoever solves them.", DefaultValueFactory = _ => 1 };
        var noTornado = new Option<bool>("--no-tornado") { Description = "uncertainty: skip the tornado (two solves per seed and per correlation group)." };
        var noRegret = new Option<bool>("--no-regret") { Description = "uncertainty: skip candidate plans and regret (one linear programme per plan and draw)." };
        var plans = new Option<int>("--plans") { Description = "uncertainty: evaluate at most this many distinct optimal plans for regret, with the central plan.", DefaultValueFactory = _ => 8 };
        var analyses = new Option<string?>("--analyses") { Description = $"report: analyses to run, comma-separated, from {string.Join(", ", AnalysisKinds.Names)} (default: the report's)." };
        var sweeps = new Option<string[]>("--sweep") { Description = "report: a sweep for the 'sweep' analysis as PATH:FROM:TO:STEPS (repeatable; default: the report's)." };
        var uncertaintyDraws = new Option<int>("--uncertainty-draws") { Description = "report: add the uncertainty section over this many draws (seeded by --seed); 0 for none.", DefaultValueFactory = _ => 0 };
        var itemSize = new Option<int>("--item-size") { Description = "Units (about one solve each) per work item.", DefaultValueFactory = _ => 1 };
        var itemsOf = new Option<int?>("--items-of") { Description = "uncertainty: draws per work item (the same as --item-size for the draws)." };
        var wait = new Option<bool>("--wait") { Description = "Follow the study to the end and print its result." };
        var json = JsonOption();
        var output = OutOption();
        var force = ForceOption();
        var solver = new SolverOptions();
        var command = new Command("submit", "Submit a study; the same inputs and settings submitted again reuse the first study.")
        {
            file, kind, scenarios, scenario, param, from, to, steps, tolerance, draws, seed, noTornado, noRegret, plans, analyses, sweeps, uncertaintyDraws, itemSize, itemsOf, wait, json, output, force,
        };
        solver.AddTo(command);
        command.SetAction(parse =>
        {
            if (ConnectionString(context) is not { } connection) return ExitCodes.Usage;
            var size = parse.GetValue(itemsOf) ?? parse.GetValue(itemSize);
            if (size < 1) return Usage(context, "--item-size and --items-of must be at least 1.");
            if (solver.Read(parse, context) is not { } settings) return ExitCodes.Usage;
            var source = Read(context, parse.GetValue(file)!);
            if (source is null) return ExitCodes.InvalidInput;
            var studyKind = Enum.Parse<StudyKind>(parse.GetValue(kind)!, ignoreCase: true);
            ImmutableArray<string> ids = [];
            SweepRequest? sweep = null;
            ReportStudySettings? report = null;
            switch (studyKind)
            {
                case StudyKind.Report:
                    var asked = (parse.GetValue(scenarios) ?? "all").Trim();
                    ids = asked == "all" ? [] : [.. asked.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];
                    (report, var refused) = StudyBundle.Check(context, source, ids, parse.GetValue(scenario), parse.GetValue(analyses), parse.GetValue(sweeps) ?? [], parse.GetValue(uncertaintyDraws), settings);
                    if (report is null) return refused;
                    break;
                case StudyKind.Compare:
                    var wanted = parse.GetValue(scenarios) ?? "all";
                    ids = wanted.Trim() == "all" ? source.ScenarioIds : [.. wanted.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];
                    var unknown = ids.Where(id => !source.ScenarioIds.Contains(id)).ToList();
                    if (unknown.Count > 0)
                    {
                        context.Error.WriteLine($"error: {source.FilePath} defines no scenario {string.Join(", ", unknown.Select(u => $"'{u}'"))}. Known scenarios: {List(source.ScenarioIds)}.");
                        return ExitCodes.InvalidInput;
                    }

                    if (Bind(context, source, null) is null) return ExitCodes.InvalidInput;
                    break;
                case StudyKind.Sweep:
                    if (parse.GetValue(param) is not { } path || parse.GetValue(from) is not { } a || parse.GetValue(to) is not { } b)
                        return Usage(context, "a sweep study needs --param, --from and --to.");
                    sweep = new SweepRequest(path, a, b, parse.GetValue(steps), parse.GetValue(scenario), parse.GetValue(tolerance));
                    try
                    {
                        StudyRunner.CheckInputs(source, new StudyRequest(source.FilePath) { Analyses = [AnalysisKind.Sweep], Sweeps = [sweep], Solver = settings }, overTime: false);
                    }
                    catch (AnalysisInputException ex)
                    {
                        return InvalidInput(context, ex);
                    }

                    break;
                case StudyKind.Uncertainty:
                    if (parse.GetValue(draws) < 2) return Usage(context, "--draws must be at least 2.");
                    if (parse.GetValue(plans) < 1) return Usage(context, "--plans must be at least 1.");
                    if (Bind(context, source, parse.GetValue(scenario)) is not { } subject) return ExitCodes.InvalidInput;
                    try
                    {
                        var uncertainty = new UncertaintyOptions(new UncertaintyRequest(parse.GetValue(draws), parse.GetValue(seed), parse.GetValue(scenario)));
                        StudyRunner.CheckInputs(source, new StudyRequest(source.FilePath) { Scenario = parse.GetValue(scenario), Uncertainty = uncertainty, Solver = settings }, subject.IsPeriodised);
                    }
                    catch (AnalysisInputException ex)
                    {
                        return InvalidInput(context, ex);
                    }

                    break;
                default:
                    if (Bind(context, source, parse.GetValue(scenario)) is null) return ExitCodes.InvalidInput;
                    break;
            }

            var uncertain = studyKind == StudyKind.Uncertainty;
            var studyDraws = uncertain ? parse.GetValue(draws) : studyKind == StudyKind.Report ? parse.GetValue(uncertaintyDraws) : 0;
            var definition = new StudyDefinition(studyKind, Path.GetFileName(source.FilePath), ids, studyKind == StudyKind.Compare ? null : parse.GetValue(scenario), sweep,
                settings.Backend, settings.TimeLimit?.TotalSeconds, settings.RelativeGap, ItemSize: size,
                Draws: studyDraws, Seed: studyDraws > 0 ? parse.GetValue(seed) : 0,
                Tornado: uncertain && !parse.GetValue(noTornado), Regret: uncertain && !parse.GetValue(noRegret),
                MaxCandidatePlans: uncertain && !parse.GetValue(noRegret) ? parse.GetValue(plans) : 0, Report: report);
            return Database(context, connection, async client =>
            {
                var (id, reused) = await client.SubmitAsync(source, definition, context.CancellationToken).ConfigureAwait(false);
                context.Out.WriteLine(reused
                    ? $"Study {id.ToString(CultureInfo.InvariantCulture)} (the same inputs and settings were submitted before; reusing it)."
                    : $"Study {id.ToString(CultureInfo.InvariantCulture)} submitted.");
                return parse.GetValue(wait) ? await Follow(context, client, id, new Destination(parse.GetValue(json), parse.GetValue(output), parse.GetValue(force))).ConfigureAwait(false) : ExitCodes.Success;
            });
        });
        return command;
    }

    private static Command Status(CliContext context)
    {
        var id = new Argument<long>("ID") { Description = "The study id that submit printed." };
        var wait = new Option<bool>("--wait") { Description = "Follow the study to the end." };
        var json = JsonOption();
        var output = OutOption();
        var force = ForceOption();
        var command = new Command("status", "Show a study's progress, failed items with their reasons, and its result once assembled.") { id, wait, json, output, force };
        command.SetAction(parse =>
        {
            if (ConnectionString(context) is not { } connection) return ExitCodes.Usage;
            var destination = new Destination(parse.GetValue(json), parse.GetValue(output), parse.GetValue(force));
            return Database(context, connection, async client =>
            {
                if (parse.GetValue(wait))
                    return await Follow(context, client, parse.GetValue(id), destination).ConfigureAwait(false);
                var status = await client.StatusAsync(parse.GetValue(id), context.CancellationToken).ConfigureAwait(false);
                if (status is null) return NoSuchStudy(context, parse.GetValue(id));
                WriteProgress(context.Out, status);
                return status.Finished ? await Result(context, client, status, destination).ConfigureAwait(false) : ExitCodes.Success;
            });
        });
        return command;
    }

    private static async Task<int> Follow(CliContext context, StudyClient client, long id, Destination destination)
    {
        var last = "";
        while (true)
        {
            var status = await client.StatusAsync(id, context.CancellationToken).ConfigureAwait(false);
            if (status is null) return NoSuchStudy(context, id);
            var line = ProgressLine(status);
            if (line != last) context.Out.WriteLine(line);
            last = line;
            if (status.Finished)
            {
                WriteFailures(context.Out, status);
                return await Result(context, client, status, destination).ConfigureAwait(false);
            }

            await Task.Delay(PollInterval, context.CancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Prints the assembled report as the single-machine verb prints it, and writes it as JSON when asked.</summary>
    private static async Task<int> Result(CliContext context, StudyClient client, StudyStatus status, Destination destination)
    {
        if (status.State == "failed")
        {
            context.Error.WriteLine($"error: study {status.Id.ToString(CultureInfo.InvariantCulture)} failed: {status.Message}");
            return ExitCodes.Internal;
        }

        var result = await client.ResultAsync(status.Id, context.CancellationToken).ConfigureAwait(false) ?? "";
        context.Out.WriteLine();
        if (status.Kind == StudyKind.Report)
            return await StudyBundle.WriteAsync(context, status, StoredBundle.FromJson(result), destination).ConfigureAwait(false);
        var json = destination.Json;
        IAnalysisReport report;
        switch (status.Kind)
        {
            case StudyKind.Compare:
                var comparison = AnalysisJson.Deserialize<ComparisonReport>(result);
                CompareCommand.Write(context.Out, comparison);
                report = comparison;
                break;
            case StudyKind.Sweep:
                var sweep = AnalysisJson.Deserialize<SweepReport>(result);
                SweepCommand.Write(context.Out, sweep);
                report = sweep;
                break;
            case StudyKind.Uncertainty:
                var uncertainty = AnalysisJson.Deserialize<UncertaintyReport>(result);
                UncertaintyCommand.Write(context.Out, uncertainty);
                report = uncertainty;
                break;
            default:
                var resilience = AnalysisJson.Deserialize<ResilienceReport>(result);
                ResilienceCommand.Write(context.Out, resilience, null);
                report = resilience;
                break;
        }

        if (json is not null)
        {
            await File.WriteAllTextAsync(json.FullName, result + "\n", context.CancellationToken).ConfigureAwait(false);
            context.Out.WriteLine();
            context.Out.WriteLine($"Analysis written to {json.Name}.");
        }

        if (status.State == "partial")
        {
            context.Error.WriteLine($"error: {status.Message}");
            return ExitCodes.Internal;
        }

        return Finish(context, report.Tally);
    }

    private static void WriteProgress(TextWriter o, StudyStatus status)
    {
        o.WriteLine(ProgressLine(status));
        var times = $"submitted {status.SubmittedAt.UtcDateTime:yyyy-MM-dd HH:mm:ss}Z";
        if (status.FinishedAt is { } finished)
            times += string.Create(CultureInfo.InvariantCulture, $", finished after {(finished - status.SubmittedAt).TotalSeconds:0.0} s");
        o.WriteLine(times);
        var table = new TextTable("stage", "item", "units", "state", "attempts", "worker", "ms").AlignRight(0, 1, 4, 6);
        foreach (var item in status.Items)
        {
            table.Add(Int(item.Stage), Int(item.Item), $"{Int(item.FirstUnit)}+{Int(item.UnitCount)}", item.State, Int(item.Attempts), item.Worker ?? "",
                item.RunMilliseconds is { } ms ? ms.ToString("0", CultureInfo.InvariantCulture) : "");
        }

        table.WriteTo(o);
        WriteFailures(o, status);
    }

    private static void WriteFailures(TextWriter o, StudyStatus status)
    {
        foreach (var item in status.Items.Where(i => i.State == "failed"))
            o.WriteLine($"failed: stage {Int(item.Stage)} item {Int(item.Item)} (units {Int(item.FirstUnit)}+{Int(item.UnitCount)}) after {Int(item.Attempts)} attempt(s): {item.Error}");
        if (status.State == "failed")
            o.WriteLine($"study failed: {status.Message}");
    }

    private static string ProgressLine(StudyStatus s) =>
        $"study {Int(s.Id)} ({s.Kind.ToString().ToLowerInvariant()}): {s.State}, stage {Int(Math.Max(0, s.Stage))}; items {Int(s.Count("done"))} done, {Int(s.Count("failed"))} failed, {Int(s.Count("running"))} running, {Int(s.Count("queued"))} queued";

    private static string Int(long value) => value.ToString(CultureInfo.InvariantCulture);

    private static Option<DirectoryInfo?> OutOption() => new("--out") { Description = "report: write the assembled bundle into this folder (as 'logistics report --out' does)." };

    private static Option<bool> ForceOption() => new("--force") { Description = "report: use --out even when it holds files this tool did not write (they are moved aside, never deleted)." };

    private static string? ConnectionString(CliContext context)
    {
        if (Environment.GetEnvironmentVariable(DistributedOptions.ConnectionVariable) is { Length: > 0 } connection)
            return connection;
        Usage(context, $"set {DistributedOptions.ConnectionVariable} to the PostgreSQL connection string of the study database (docs/distributed.md); scripts/dev-postgres.sh starts one for development.");
        return null;
    }

    private static int NoSuchStudy(CliContext context, long id)
    {
        context.Error.WriteLine($"error: there is no study {Int(id)} in this database.");
        return ExitCodes.InvalidInput;
    }

    /// <summary>Runs against the database; an unreachable or failing database is a message and exit code 3, never a stack trace.</summary>
    private static int Database(CliContext context, string connection, Func<StudyClient, Task<int>> work)
    {
        try
        {
            return Task.Run(async () =>
            {
                await using var client = await StudyClient.ConnectAsync(connection, context.CancellationToken).ConfigureAwait(false);
                return await work(client).ConfigureAwait(false);
            }).GetAwaiter().GetResult();
        }
        catch (Exception ex) when (ex is DbException or ArgumentException or TimeoutException)
        {
            var where = "";
            try
            {
                var builder = new NpgsqlConnectionStringBuilder(connection);
                where = $" at {builder.Host}:{builder.Port.ToString(CultureInfo.InvariantCulture)}, database {builder.Database}";
            }
            catch (ArgumentException)
            {
                where = " (the connection string does not parse)";
            }

            context.Error.WriteLine($"error: PostgreSQL{where} ({DistributedOptions.ConnectionVariable}): {ex.Message}");
            return ExitCodes.Internal;
        }
    }
}
