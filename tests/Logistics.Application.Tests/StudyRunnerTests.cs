using System.Collections.Immutable;

using Logistics.Analysis;
using Logistics.Analysis.Uncertainty;
using Logistics.Network.Diagnostics;
using Logistics.Network.Loading;
using Logistics.Network.Model;
using Logistics.Optimisation;

namespace Logistics.Application.Tests;

/// <summary>
/// A study runs the same analyses, with the same settings, as calling them directly: its records serialise to the same
/// JSON. Also what it binds, skips, refuses and how it stops.
/// </summary>
public sealed class StudyRunnerTests : IDisposable
{
    private static readonly SolverSettings Solver = new();

    private readonly TinyFolder _tiny = new();

    public void Dispose() => _tiny.Dispose();

    [Fact]
    public void A_study_of_the_tiny_network_gives_what_each_analysis_gives_when_called_directly()
    {
        var sweep = new SweepRequest("options[new-port-package].capexUsd", 0, 2e9, 3);
        var request = new StudyRequest(_tiny.NetworkPath) { Analyses = [.. AnalysisKinds.All], Parallelism = 1, Sweeps = [sweep] };

        var study = new StudyRunner().Run(request);

        var source = Read(_tiny.NetworkPath);
        var network = source.Bind().Network!;
        var settings = new AnalysisSettings(Solver, 1);
        Assert.True(study.Input.Succeeded);
        Assert.Equal(AnalysisKinds.All.ToArray(), study.Analyses.ToArray());
        Assert.Equal(Json(new NetworkOptimiser().Solve(network, Solver)), Json(study.Base!));
        Assert.Equal(Json(CompareAnalysis.Run(source, source.ScenarioIds, settings)), Json(study.Comparison!));
        Assert.Equal(Json(ValueAnalysis.Run(network, settings)), Json(study.Values!));
        Assert.Equal(Json(ResilienceAnalysis.Run(network, settings)), Json(study.Resilience!));
        Assert.Equal(Json(SweepAnalysis.Run(source, sweep, settings)), Json(Assert.Single(study.Sweeps)));
        Assert.Null(study.Uncertainty);
        Assert.Empty(study.Skipped);
    }

    [Fact]
    public void A_study_of_chagai_gives_the_base_solve_the_comparison_and_the_values_the_analyses_give()
    {
        var path = RepositoryPaths.DefaultNetwork;
        var request = new StudyRequest(path) { Analyses = [AnalysisKind.Solve, AnalysisKind.Compare, AnalysisKind.Value], Scenarios = ["phase2"], Parallelism = 2 };

        var study = new StudyRunner().Run(request);

        var source = Read(path);
        var network = source.Bind().Network!;
        var settings = new AnalysisSettings(Solver, 2);
        Assert.Equal(Json(new NetworkOptimiser().Solve(network, Solver)), Json(study.Base!));
        Assert.Equal(Json(CompareAnalysis.Run(source, ["phase2"], settings)), Json(study.Comparison!));
        Assert.Equal(Json(ValueAnalysis.Run(network, settings)), Json(study.Values!));
        Assert.Null(study.Resilience);
        Assert.True(study.Sweeps.IsEmpty);
    }

    [Fact]
    public void A_study_of_a_scenario_solves_and_analyses_the_scenario_not_the_base()
    {
        var request = new StudyRequest(_tiny.NetworkPath) { Scenario = "phase2", Analyses = [AnalysisKind.Solve, AnalysisKind.Value], Parallelism = 1 };

        var study = new StudyRunner().Run(request);

        var scenario = Read(_tiny.NetworkPath).Bind(new LoadOptions { Scenario = "phase2" }).Network!;
        var settings = new AnalysisSettings(Solver, 1);
        Assert.Equal(Json(new NetworkOptimiser().Solve(scenario, Solver)), Json(study.Base!));
        Assert.Equal(Json(ValueAnalysis.Run(scenario, settings)), Json(study.Values!));
        Assert.Equal("phase2", study.Values!.Scenario);
        Assert.NotEqual(Json(new NetworkOptimiser().Solve(Read(_tiny.NetworkPath).Bind().Network!, Solver)), Json(study.Base!));
    }

    [Fact]
    public void The_uncertainty_study_of_a_study_with_a_scenario_draws_around_that_scenario()
    {
        // The report of a scenario once ran its uncertainty section on the file's base: the study now owns that choice.
        var path = RepositoryPaths.DefaultNetwork;
        var uncertainty = new UncertaintyRequest(3, Seed: 2, Tornado: false, Regret: false);
        var request = new StudyRequest(path) { Scenario = "phase2", Analyses = [AnalysisKind.Solve], SolveOwn = false, Parallelism = 2, Uncertainty = new UncertaintyOptions(uncertainty) };

        var study = new StudyRunner().Run(request);

        Assert.Equal("phase2", study.Uncertainty!.Scenario);
        var direct = UncertaintyAnalysis.Run(Read(path), uncertainty with { Scenario = "phase2" }, new AnalysisSettings(Solver, 2));
        Assert.Equal(Json(direct), Json(study.Uncertainty));
    }

    [Fact]
    public void A_scenario_asked_for_that_the_file_lacks_stops_the_study_with_an_unknown_scenario_diagnostic()
    {
        var study = new StudyRunner().Run(new StudyRequest(_tiny.NetworkPath) { Scenarios = ["phase2", "nowhere"], Analyses = [AnalysisKind.Compare] });

        Assert.False(study.Input.Succeeded);
        var error = Assert.Single(study.Input.Diagnostics, d => d.Severity == Severity.Error);
        Assert.Equal(DiagnosticCodes.UnknownScenario.Code, error.Code);
        Assert.Contains("'nowhere'", error.Message, StringComparison.Ordinal);
        Assert.Null(study.Base);
        Assert.Null(study.Comparison);
    }

    [Fact]
    public void A_file_that_cannot_be_read_gives_an_invalid_study_with_the_reading_diagnostics()
    {
        var study = new StudyRunner().Run(new StudyRequest(Path.Combine(Path.GetDirectoryName(_tiny.NetworkPath)!, "absent.network.json")));

        Assert.Null(study.Input.Source);
        Assert.False(study.Input.Succeeded);
        Assert.Contains(study.Input.Diagnostics, d => d.Severity == Severity.Error);
    }

    [Fact]
    public void Checking_a_study_before_it_runs_refuses_a_sweep_of_a_figure_the_file_lacks_and_accepts_the_default_sweep()
    {
        var source = NetworkSource.Read(_tiny.NetworkPath).Source!;
        var bad = new StudyRequest(_tiny.NetworkPath) { Analyses = [AnalysisKind.Sweep], Sweeps = [new SweepRequest("links.nowhere.costPerTonne", 1, 2, 3)] };

        var refused = Assert.Throws<AnalysisInputException>(() => StudyRunner.CheckInputs(source, bad, overTime: false));
        Assert.Contains("nowhere", refused.Message, StringComparison.Ordinal);
        StudyRunner.CheckInputs(source, bad with { Sweeps = [] }, overTime: false);
        // A sweep that is not asked for is not checked.
        StudyRunner.CheckInputs(source, bad with { Analyses = [AnalysisKind.Compare] }, overTime: false);
    }

    [Fact]
    public void A_study_without_its_own_solve_binds_nothing_for_an_analysis_that_binds_its_own_variants()
    {
        var study = new StudyRunner().Run(new StudyRequest(_tiny.NetworkPath) { Analyses = [AnalysisKind.Compare], SolveOwn = false, Parallelism = 1 });

        Assert.Null(study.Input.Loaded);
        Assert.Null(study.Base);
        Assert.Equal(2, study.Comparison!.Outcomes.Length);
    }

    [Fact]
    public void An_analysis_that_does_not_apply_is_listed_with_its_reason_or_thrown_when_the_host_asks()
    {
        // Every outlet forced shut: the network has no optimum, so resilience has nothing to measure outages against.
        var request = new StudyRequest(_tiny.NetworkPath) { Analyses = [AnalysisKind.Resilience], SolveOwn = false, Parallelism = 1 };
        var path = _tiny.NetworkPath;
        File.WriteAllText(path, File.ReadAllText(path).Replace("\"maxTpy\": 3000000", "\"maxTpy\": 3000000, \"minTpy\": 2500000", StringComparison.Ordinal));

        var skipped = new StudyRunner().Run(request);
        var (analysis, reason) = Assert.Single(skipped.Skipped);
        Assert.Equal(AnalysisKind.Resilience, analysis);
        Assert.False(string.IsNullOrWhiteSpace(reason));
        Assert.Null(skipped.Resilience);

        var thrown = Assert.Throws<AnalysisInputException>(() => new StudyRunner().Run(request with { SkipInapplicable = false }));
        Assert.Equal(reason, thrown.Message);
    }

    [Fact]
    public void A_cancelled_study_stops_with_cancellation_instead_of_returning_results()
    {
        using var cancel = new CancellationTokenSource();
        cancel.Cancel();

        Assert.ThrowsAny<OperationCanceledException>(() =>
            new StudyRunner().Run(new StudyRequest(_tiny.NetworkPath) { Analyses = [AnalysisKind.Compare, AnalysisKind.Value], Parallelism = 1 }, cancel.Token));
    }

    [Fact]
    public void A_sweep_without_a_scenario_sweeps_the_study_s_scenario_and_the_default_sweep_is_the_discount_rate()
    {
        var own = new SweepRequest("metadata.discountRate", 0.05, 0.1, 2);
        var request = new StudyRequest("n.network.json") { Scenario = "phase2", Sweeps = [own, own with { Scenario = "other" }] };

        Assert.Equal([own with { Scenario = "phase2" }, own with { Scenario = "other" }], StudyRunner.SweepsFor(request).ToArray());
        Assert.Equal([StudyRunner.DefaultSweep with { Scenario = "phase2" }], StudyRunner.SweepsFor(request with { Sweeps = [] }).ToArray());
    }

    private static NetworkSource Read(string path) => NetworkSource.Read(path).Source ?? throw new InvalidOperationException(path);

    private static string Json<T>(T record)
        where T : class => AnalysisJson.Serialize(record, includeTimings: false);
}
