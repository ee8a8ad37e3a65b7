using System.Diagnostics;
using System.Text.RegularExpressions;

using Logistics.Network.IO;
using Logistics.Network.Loading;

namespace Logistics.Reports.Tests;

/// <summary>
/// report.html opened in a real headless Chromium (Debian's chromium package; .ci/run installs it): it renders a
/// non-blank first screen, logs no console error, and the map has one path per link. Two browser launches in all.
/// </summary>
[Collection(DefaultBundleCollection.Name)]
[Trait(TestCategory.Name, TestCategory.Process)]
public sealed partial class BrowserTests(DefaultBundle bundle)
{
    [Fact]
    public void The_html_report_renders_in_a_headless_browser_without_errors_and_with_the_map()
    {
        var html = Path.Combine(bundle.Folder, "report.html");
        var screenshot = Path.Combine(bundle.Folder, "first-screen.png");
        var shot = Chromium($"--screenshot={screenshot}", "--window-size=1280,900", new Uri(html).AbsoluteUri);
        Assert.True(File.Exists(screenshot), $"Chromium wrote no screenshot.\n{shot.Error}");
        // A blank 1280x900 page compresses to a few kB; text, tables and a map do not.
        Assert.True(new FileInfo(screenshot).Length > 40_000, $"The screenshot is suspiciously small ({new FileInfo(screenshot).Length} bytes): blank page?");

        var dom = Chromium("--enable-logging=stderr", "--v=0", "--dump-dom", new Uri(html).AbsoluteUri);
        var consoleErrors = dom.Error.Split('\n').Where(l => l.Contains("Uncaught", StringComparison.Ordinal) || l.Contains(":CONSOLE", StringComparison.Ordinal)).ToList();
        Assert.True(consoleErrors.Count == 0, "Console errors:\n" + string.Join('\n', consoleErrors));

        var network = NetworkLoader.Load(TestPaths.DefaultNetwork).Network!;
        var map = MapSvg().Match(dom.Output);
        Assert.True(map.Success, "No <svg class=\"network-map\"> in the rendered page.");
        var linkPaths = LinkPath().Matches(map.Value).Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(network.Links.Select(l => l.Id.Value).Order(StringComparer.Ordinal), linkPaths.Order(StringComparer.Ordinal));
        Assert.Contains("Summary", dom.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", dom.Output, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("http://", ExternalReferences(dom.Output), StringComparison.Ordinal);
    }

    [Fact]
    public void The_html_fetches_nothing_from_the_network()
    {
        var html = bundle.Read("report.html");
        Assert.Empty(ExternalReferences(html));
        Assert.DoesNotContain("<link ", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>
    /// src=/href= values that point off the page. A source's address as a link (<c>&lt;a href&gt;</c>, only followed
    /// when the reader clicks it) fetches nothing, so anchors are left out.
    /// </summary>
    private static string ExternalReferences(string html) =>
        string.Join('\n', ExternalReference().Matches(SourceLink().Replace(html, "<a")).Select(m => m.Value));

    [GeneratedRegex("<a href=\"https?://[^\"]*\"")]
    private static partial Regex SourceLink();

    private static (string Output, string Error) Chromium(params string[] arguments)
    {
        var profile = TestPaths.NewTempFolder();
        var start = new ProcessStartInfo("chromium") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[] { "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync", $"--user-data-dir={profile}" }.Concat(arguments))
            start.ArgumentList.Add(argument);
        Process process;
        try
        {
            process = Process.Start(start)!;
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new InvalidOperationException("Chromium is not installed: run 'apt-get install -y chromium' (.ci/run does this).", e);
        }

        using (process)
        {
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(TimeSpan.FromSeconds(60)))
            {
                process.Kill(entireProcessTree: true);
                Assert.Fail("Chromium did not finish within 60 s.");
            }

            try { Directory.Delete(profile, recursive: true); } catch (IOException) { }
            return (output.Result, error.Result);
        }
    }

    [GeneratedRegex("<svg[^>]*class=\"network-map\"[\\s\\S]*?</svg>")]
    private static partial Regex MapSvg();

    [GeneratedRegex("<path class=\"link[^\"]*\" data-link=\"([^\"]+)\"")]
    private static partial Regex LinkPath();

    [GeneratedRegex("(?:src|href)=\"(?!#)[^\"]*\"")]
    private static partial Regex ExternalReference();
}
