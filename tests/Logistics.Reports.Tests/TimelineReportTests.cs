using System.Globalization;
using System.Text.RegularExpressions;

using Logistics.Analysis;
using Logistics.Network.IO;
using Logistics.Network.Loading;
using Logistics.Optimisation;
using Logistics.Optimisation.Periods;
using Logistics.Presentation;
using Logistics.Reports.Content;

using Microsoft.Extensions.Time.Testing;

namespace Logistics.Reports.Tests;

/// <summary>
/// The report of a plan over time (networks/chagai-timeline.network.json): the schedule first, the Gantt strip,
/// present value by year, one section with a map and tables per period, tidy CSVs with a period column, and an HTML
/// page that stays self-contained with several maps on it.
/// </summary>
[Collection(TimelineBundleCollection.Name)]
public sealed partial class TimelineReportTests(TimelineBundle bundle)
{
    [Fact]
    public void The_summary_opens_with_the_schedule_sentence()
    {
        var sentence = ResultConsoleWriter.ScheduleSentence(bundle.Model.Base, bundle.Model.Network);
        Assert.Matches("^20[0-9]{2}: ", sentence);
        Assert.NotEmpty(bundle.Model.Base.Schedule);
        var md = bundle.Read("report.md").Replace("\r\n", "\n", StringComparison.Ordinal);
        var summary = md[(md.IndexOf("## Summary\n\n", StringComparison.Ordinal) + "## Summary\n\n".Length)..];
        Assert.StartsWith("**" + sentence + " Over ", summary, StringComparison.Ordinal);
        foreach (var build in bundle.Model.Base.Schedule)
            Assert.Contains($"{build.ServiceYear.ToString(CultureInfo.InvariantCulture)}: ", sentence, StringComparison.Ordinal);
        Assert.Matches("<p class=\"answer\">20[0-9]{2}: ", bundle.Read("report.html"));
    }

    [Fact]
    public void The_gantt_strip_shows_construction_and_service_years_of_every_scheduled_option_and_says_what_is_not_built()
    {
        var html = bundle.Read("report.html");
        var gantt = GanttSvg().Match(html);
        Assert.True(gantt.Success, "No Gantt strip in report.html.");
        Assert.Contains("charts/timeline.svg", bundle.Files);
        var network = bundle.Model.Network;
        var last = network.HorizonEndYear - 1;
        foreach (var build in bundle.Model.Base.Schedule)
        {
            var lead = network.Option(build.Id).LeadTimeYears;
            Assert.Contains($"class=\"service\" data-option=\"{build.Id}\" data-from=\"{build.ServiceYear}\" data-to=\"{last}\"", gantt.Value, StringComparison.Ordinal);
            if (lead > 0)
                Assert.Contains($"class=\"construction\" data-option=\"{build.Id}\" data-from=\"{build.ServiceYear - lead}\" data-to=\"{build.ServiceYear - 1}\"", gantt.Value, StringComparison.Ordinal);
        }

        foreach (var option in network.Options.Where(o => bundle.Model.Base.Schedule.All(b => b.Id != o.Id)))
            Assert.Contains($"class=\"not-built\" data-option=\"{option.Id}\"", gantt.Value, StringComparison.Ordinal);
        foreach (var period in bundle.Model.Base.Periods)
            Assert.Contains($"class=\"period\" data-period=\"{period.Id}\"", gantt.Value, StringComparison.Ordinal);
    }

    [Fact]
    public void Present_value_by_year_adds_up_to_the_objective_with_the_residual_value_as_a_credit_after_the_horizon()
    {
        var result = bundle.Model.Base;
        var years = PresentValueByYear.Of(bundle.Model.Network, result);
        Assert.Equal(result.Objective!.Value, years.Sum(y => y.PresentValueUsd), result.Objective.Value * 1e-9);
        var residual = years.Where(y => y.Category == CostCategory.ResidualValue).ToList();
        Assert.NotEmpty(residual);
        Assert.All(residual, y => Assert.True(y.PresentValueUsd < 0 && y.Year == bundle.Model.Network.HorizonEndYear));
        // Capex is paid before service: the first outlay of each option falls in its construction years.
        var discounting = Discounting.For(bundle.Model.Network);
        foreach (var build in result.Schedule)
        {
            var outlays = OptionCashFlows.CapexOutlays(bundle.Model.Network.Option(build.Id), build.ServiceYear);
            Assert.Equal(build.PresentValue.Capex, outlays.Sum(o => o.Usd * discounting.Factor(o.Year)), 1e-3);
        }

        var csv = Rows(bundle.Read("present-value-by-year.csv"));
        Assert.Equal(["scenario", "year", "category", "present_value_usd"], csv[0]);
        Assert.Equal(result.Objective.Value, csv.Skip(1).Sum(r => double.Parse(r[3], CultureInfo.InvariantCulture)), 0.01 * csv.Count);
        Assert.Contains("charts/present-value-by-year.svg", bundle.Files);
        Assert.Contains("class=\"chart\"", bundle.Read("charts/present-value-by-year.svg"), StringComparison.Ordinal);
    }

    [Fact]
    public void Every_period_has_its_own_section_with_a_map_routes_costs_and_cost_per_tonne()
    {
        var html = bundle.Read("report.html");
        var md = bundle.Read("report.md");
        var periods = bundle.Model.Base.Periods;
        Assert.True(periods.Length >= 2, "The timeline network should have several periods.");
        foreach (var period in periods)
        {
            var span = period.Years == 1 ? $"{period.StartYear}" : $"{period.StartYear}\u2013{period.EndYear}";
            Assert.Contains($"maps/period-{period.Id}.svg", bundle.Files);
            Assert.Contains($"<section id=\"period-{period.Id}\">", html, StringComparison.Ordinal);
            Assert.Contains($"<a href=\"#period-{period.Id}\">", html, StringComparison.Ordinal);
            Assert.Contains($"id=\"period-{period.Id}-map-title\"", html, StringComparison.Ordinal);
            Assert.Contains($"**Routes in {span}", md, StringComparison.Ordinal);
            Assert.Contains($"**Costs in {span}", md, StringComparison.Ordinal);
            Assert.Contains($"**Cost per tonne delivered in {span}", md, StringComparison.Ordinal);
            Assert.Contains($"](maps/period-{period.Id}.svg)", md, StringComparison.Ordinal);
            // The period's map draws the period's flows: every link it uses carries its tonnes.
            var map = bundle.Read($"maps/period-{period.Id}.svg");
            foreach (var flow in period.LinkFlows.GroupBy(f => f.Link).Where(g => g.Sum(f => f.TotalTpy) > 0))
                Assert.Contains($"data-link=\"{flow.Key}\" data-tonnes=\"{flow.Sum(f => f.TotalTpy).ToString("0.###", CultureInfo.InvariantCulture)}\"", map, StringComparison.Ordinal);
        }

        var rows = Rows(bundle.Read("periods.csv"));
        Assert.Equal(periods.Select(p => p.Id.Value), rows.Skip(1).Select(r => r[1]));
        var routes = Rows(bundle.Read("period-routes.csv"));
        Assert.Equal("period", routes[0][1]);
        foreach (var period in periods)
            Assert.Equal(period.Routes.Length, routes.Count(r => r[1] == period.Id.Value));
        var costs = Rows(bundle.Read("period-costs.csv"));
        foreach (var period in periods)
            Assert.Equal(period.YearlyCosts.Total, costs.Where(r => r[1] == period.Id.Value).Sum(r => double.Parse(r[4], CultureInfo.InvariantCulture)), 0.01 * costs.Count);
    }

    [Fact]
    public void The_html_with_a_map_per_period_fetches_nothing_runs_no_script_and_repeats_no_id()
    {
        var html = bundle.Read("report.html");
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<link ", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(" src=\"", html, StringComparison.OrdinalIgnoreCase);
        Assert.Empty(Regex.Matches(html, "url\\((?!#)").Select(m => m.Value));
        Assert.Empty(Regex.Matches(html, "(?<!<a )href=\"(?!#)[^\"]*\"").Select(m => m.Value));
        var ids = Regex.Matches(html, " id=\"([^\"]+)\"").Select(m => m.Groups[1].Value).ToList();
        Assert.Empty(ids.GroupBy(i => i).Where(g => g.Count() > 1).Select(g => g.Key));
        Assert.True(Regex.Matches(html, "<svg [^>]*class=\"network-map\"").Count == bundle.Model.Base.Periods.Length, "One map per period.");
    }

    [Theory]
    [InlineData("report.md")]
    [InlineData("schedule.csv")]
    [InlineData("periods.csv")]
    [InlineData("period-routes.csv")]
    [InlineData("period-costs.csv")]
    [InlineData("present-value-by-year.csv")]
    public void The_timeline_bundle_matches_its_golden_file(string name) =>
        GoldenFileTests.MatchesGolden(bundle.Read(name), TestPaths.Golden(name, "chagai-timeline"), name);

    [Fact]
    public async Task The_report_of_a_scenario_is_that_scenario_s_plan_and_says_so()
    {
        var folder = TestPaths.NewTempFolder();
        var builder = new ReportBundleBuilder(new FakeTimeProvider(DefaultBundle.RunAt)) { Parallelism = 1, IncludeTimings = false };
        var run = await builder.RunAsync(new ReportRequest(TestPaths.TimelineNetwork, [], ["solve"]) { Scenario = "phase2-pibt" }, folder, CancellationToken.None);

        var loaded = NetworkLoader.Load(TestPaths.TimelineNetwork, new LoadOptions { Scenario = "phase2-pibt" });
        var direct = new NetworkOptimiser().Solve(loaded.Network!, new SolverSettings());
        Assert.Equal(ReportStatus.Complete, run.Outcome.Status);
        Assert.Equal(direct.Objective!.Value, run.Model!.Base.Objective!.Value, direct.Objective.Value * 1e-6);
        Assert.Equal(direct.Schedule.Select(b => (b.Id, b.ServiceYear)), run.Model.Base.Schedule.Select(b => (b.Id, b.ServiceYear)));
        Assert.NotEqual(bundle.Model.Base.Objective, run.Model.Base.Objective);
        Assert.Equal("phase2-pibt", run.Model.Manifest.Scenario);
        Assert.StartsWith("phase2-pibt: optimal", run.Outcome.Summary, StringComparison.Ordinal);
        var md = File.ReadAllText(Path.Combine(folder, "report.md"));
        Assert.StartsWith("# Chagai mineral exports over time: logistics report, scenario phase2-pibt", md, StringComparison.Ordinal);
        Assert.Contains("| Scenario reported on | phase2-pibt |", md, StringComparison.Ordinal);
        Assert.Contains("\"scenario\": \"phase2-pibt\"", File.ReadAllText(Path.Combine(folder, "result.json")), StringComparison.Ordinal);
        Assert.All(Rows(File.ReadAllText(Path.Combine(folder, "periods.csv"))).Skip(1), r => Assert.Equal("phase2-pibt", r[0]));
        Directory.Delete(folder, recursive: true);
    }

    [Fact]
    public async Task Value_and_resilience_of_a_plan_over_time_answer_with_timing_in_markdown_html_csv_and_json()
    {
        var folder = TestPaths.NewTempFolder();
        var builder = new ReportBundleBuilder(new FakeTimeProvider(DefaultBundle.RunAt)) { Parallelism = 2, IncludeTimings = false };
        var run = await builder.RunAsync(new ReportRequest(TestPaths.TimelineNetwork, [], ["solve", "value", "resilience"]), folder, CancellationToken.None);
        string Read(string name) => File.ReadAllText(Path.Combine(folder, name));

        Assert.Equal(ReportStatus.Complete, run.Outcome.Status);
        Assert.Empty(run.Model!.Skipped);
        var values = run.Model.Values!;
        var resilience = run.Model.Resilience!;
        Assert.NotNull(values.Timeline);
        Assert.NotNull(resilience.Window);
        var md = Read("report.md");
        Assert.Contains("## Option values over time", md, StringComparison.Ordinal);
        Assert.Contains("## Resilience over time: single failures", md, StringComparison.Ordinal);
        Assert.Contains("| Value of waiting M USD |", md, StringComparison.Ordinal);
        Assert.DoesNotContain("M USD/yr", md.Split("## Option values over time")[1], StringComparison.Ordinal);
        Assert.Contains("id=\"values\"", Read("report.html"), StringComparison.Ordinal);
        Assert.Contains("id=\"resilience\"", Read("report.html"), StringComparison.Ordinal);

        // One CSV row per valuation and per outage, the value of waiting = PV first − PV with, the losses as in the analysis.
        var rows = Rows(Read("option-values.csv"));
        Assert.Equal(values.Valuations.Length, rows.Count - 1);
        var header = rows[0].ToList();
        foreach (var (row, v) in rows.Skip(1).Zip(values.Valuations))
        {
            Assert.Equal(v.Option.Value, row[header.IndexOf("option")]);
            if (v.Timing is { PresentValueFirstYearUsd: { } first, PresentValueWithUsd: { } with })
                Assert.Equal(first - with, double.Parse(row[header.IndexOf("value_of_waiting_usd")], CultureInfo.InvariantCulture), 0.02);
        }

        var outages = Rows(Read("outages.csv"));
        Assert.Equal(resilience.Outages.Length, outages.Count - 1);
        Assert.All(outages.Skip(1), r => Assert.Equal(resilience.Window!.Period, r[4]));
        var json = Read("result.json");
        Assert.Contains("\"valueOfWaitingUsd\"", json, StringComparison.Ordinal);
        Assert.Contains("\"window\"", json, StringComparison.Ordinal);
        Assert.DoesNotContain("\"skipped\"", json, StringComparison.Ordinal);
        GoldenFileTests.MatchesGolden(Read("option-values.csv"), TestPaths.Golden("option-values.csv", "chagai-timeline"), "option-values.csv");
        GoldenFileTests.MatchesGolden(Read("outages.csv"), TestPaths.Golden("outages.csv", "chagai-timeline"), "outages.csv");
        Directory.Delete(folder, recursive: true);
    }

    [Fact]
    public void A_bundle_without_value_or_resilience_writes_no_table_of_theirs()
    {
        Assert.DoesNotContain("option-values.csv", bundle.Files);
        Assert.DoesNotContain("outages.csv", bundle.Files);
        Assert.DoesNotContain("\"skipped\"", bundle.Read("result.json"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_scenario_the_file_does_not_define_gives_an_invalid_input_bundle_naming_the_known_ones()
    {
        var folder = TestPaths.NewTempFolder();
        var builder = new ReportBundleBuilder(new FakeTimeProvider(DefaultBundle.RunAt)) { IncludeTimings = false };
        var outcome = await builder.BuildAsync(new ReportRequest(TestPaths.TimelineNetwork, [], ["solve"]) { Scenario = "phase9" }, folder, CancellationToken.None);

        Assert.Equal(ReportStatus.InvalidInput, outcome.Status);
        var md = File.ReadAllText(Path.Combine(folder, "report.md"));
        Assert.Contains("The file defines no scenario 'phase9'.", md, StringComparison.Ordinal);
        Assert.Contains("phase2-pibt", md, StringComparison.Ordinal);
        Assert.Contains("| Scenario reported on | phase9 |", md, StringComparison.Ordinal);
        Directory.Delete(folder, recursive: true);
    }

    /// <summary>CSV rows split on commas (the tables tested here quote no field that holds one).</summary>
    private static List<string[]> Rows(string csv) =>
        [.. csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Select(l => l.Split(','))];

    [GeneratedRegex("<svg [^>]*class=\"chart gantt\"[\\s\\S]*?</svg>")]
    private static partial Regex GanttSvg();
}
