using System.Collections.Immutable;

using Logistics.Analysis;
using Logistics.Optimisation;
using Logistics.Reports.Content;
using Logistics.Reports.Document;

namespace Logistics.Reports.Tests;

/// <summary>What the report says in the cases the default network does not produce: time-outs and scenarios without a solution.</summary>
[Collection(DefaultBundleCollection.Name)]
public sealed class ComposerTests(DefaultBundle bundle)
{
    private ReportModel Model => bundle.Run.Model!;

    [Fact]
    public void A_timed_out_solve_states_the_best_solution_and_its_gap()
    {
        var b = Model.Base;
        var model = Model with { Base = b with { Status = SolveStatus.Feasible, BestBound = b.Objective!.Value * 0.98, RelativeGap = 0.02 } };
        var md = MarkdownRenderer.Render(ReportComposer.Compose(model, ReportStatus.TimedOut));
        Assert.Contains("A solve hit its time limit", md, StringComparison.Ordinal);
        Assert.Contains("base: best solution 211.8 M USD/yr, within 2% of the best bound 207.6 M USD/yr", md, StringComparison.Ordinal);
    }

    [Fact]
    public void A_timed_out_solve_without_a_solution_says_none_was_found()
    {
        var b = Model.Base;
        var none = b with
        {
            Status = SolveStatus.NoSolution, StatusMessage = "No solution: time limit reached before any solution was found.", Objective = null, BestBound = null, RelativeGap = null,
            Routes = [], LinkFlows = [], PortFlows = [], Bottlenecks = [], Costs = CostBreakdown.Empty, Deliveries = [], Unshipped = [], Prices = null,
        };
        var md = MarkdownRenderer.Render(ReportComposer.Compose(Model with { Base = none, Values = null, Resilience = null }, ReportStatus.TimedOut));
        Assert.Contains("base: no solution was found before the time limit", md, StringComparison.Ordinal);
        Assert.Contains("The base network has no solution, so there is no plan to show", md, StringComparison.Ordinal);
        Assert.DoesNotContain("Build ", md.Split("## Builds")[0], StringComparison.Ordinal);
    }

    [Fact]
    public void A_scenario_without_a_solution_gets_its_diagnosis_in_the_report()
    {
        var comparison = Model.Comparison!;
        var phase2 = comparison.Outcomes.Single(o => o.Scenario == "phase2");
        var diagnosis = new InfeasibilityDiagnosis(["Reko Diq cannot ship 1,100,000 t/yr: the Bolan section is full."]) { Method = "Elastic re-solve." };
        var broken = phase2 with
        {
            Status = SolveStatus.Infeasible, AnnualCostUsd = null, DeltaFromBaseUsd = null, StatusMessage = "Infeasible.",
            Diagnosis = new OutcomeDiagnosis(["The scenario asks for more than the network can carry."], [], null),
            Result = phase2.Result! with { Status = SolveStatus.Infeasible, Diagnosis = diagnosis },
        };
        var model = Model with { Comparison = comparison with { Outcomes = [.. comparison.Outcomes.Select(o => o.Scenario == "phase2" ? broken : o)] } };
        var document = ReportComposer.Compose(model, ReportStatus.Complete);
        var md = MarkdownRenderer.Render(document);
        var html = HtmlRenderer.Render(document);
        Assert.Contains("Diagnosis, phase2", md, StringComparison.Ordinal);
        Assert.Contains("Reko Diq cannot ship 1,100,000 t/yr: the Bolan section is full.", md, StringComparison.Ordinal);
        Assert.Contains("The scenario asks for more than the network can carry.", html, StringComparison.Ordinal);
        Assert.Contains("no solution in phase2", md, StringComparison.Ordinal);
    }

    [Fact]
    public void Markdown_escapes_text_that_would_read_as_markup()
    {
        var document = new ReportDocument("T", "", [new ReportSection("s", "S", [new Paragraph("a|b *c* [d]"), Table.Of("", [new("x")], [ImmutableArray.Create("1|2")])])]);
        var md = MarkdownRenderer.Render(document);
        Assert.Contains("a\\|b \\*c\\* \\[d\\]", md, StringComparison.Ordinal);
        Assert.Contains("| 1\\|2 |", md, StringComparison.Ordinal);
    }

    [Fact]
    public void Html_escapes_text()
    {
        var html = HtmlRenderer.Render(new ReportDocument("<T>", "", [new ReportSection("s", "S", [new Paragraph("a < b & c")])]));
        Assert.Contains("a &lt; b &amp; c", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<T>", html, StringComparison.Ordinal);
    }
}
