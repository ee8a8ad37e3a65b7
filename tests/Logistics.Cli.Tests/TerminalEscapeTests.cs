using Logistics.Network.Text;

namespace Logistics.Cli.Tests;

/// <summary>
/// Ids and names are written by whoever wrote the file; printed raw, an escape sequence in them takes over the
/// user's terminal. validate, describe and solve must print them escaped.
/// </summary>
public sealed class TerminalEscapeTests : IDisposable
{
    private readonly string _temp = Path.Combine(Path.GetTempPath(), "logistics-cli-escape-tests", Guid.NewGuid().ToString("N"));

    [Fact]
    public void Describe_and_solve_print_escape_sequences_line_breaks_and_bidi_overrides_in_names_escaped()
    {
        var network = HostileNetwork.Write(_temp);

        foreach (var result in new[] { CliRunner.Run("describe", network), CliRunner.Run("solve", network) })
        {
            Assert.True(result.ExitCode == ExitCodes.Success, result.Error);
            AssertPrintable(result);
            Assert.Contains("Network: ", result.Out, StringComparison.Ordinal);
            Assert.Contains(@"Evil\u001b]0;pwned\u0007 title\u202egnp.exe", result.Out, StringComparison.Ordinal);
        }

        var describe = CliRunner.Run("describe", network);
        Assert.Contains(@"Alpha\u001b[2J\r\nFAKE: valid (0 errors)", describe.Out, StringComparison.Ordinal);
        Assert.Contains(@"New\u009bport\tand rail", describe.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("\nFAKE", describe.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_prints_an_escape_sequence_in_an_invalid_id_escaped()
    {
        var network = HostileNetwork.Write(_temp, invalidId: "beta\u001b[31m\u202e");

        var result = CliRunner.Run("validate", network);

        Assert.Equal(ExitCodes.InvalidInput, result.ExitCode);
        AssertPrintable(result);
        Assert.Contains(@"beta\u001b[31m\u202e", result.Out, StringComparison.Ordinal);

        var solve = CliRunner.Run("solve", network);
        Assert.Equal(ExitCodes.InvalidInput, solve.ExitCode);
        AssertPrintable(solve);
        Assert.Contains(@"beta\u001b[31m", solve.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_hostile_command_line_argument_is_printed_escaped_in_the_error()
    {
        var result = CliRunner.Run("solve", "missing\u001b[2J.network.json");
        Assert.NotEqual(ExitCodes.Success, result.ExitCode);
        AssertPrintable(result);
        Assert.Contains(@"\u001b[2J", result.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("plain", "plain")]
    [InlineData("a\u001bb", @"a\u001bb")]
    [InlineData("a\nb\rc\td", @"a\nb\rc\td")]
    [InlineData("\u009b\u007f\u0000", @"\u009b\u007f\u0000")]
    [InlineData("\u202a\u202e\u2066\u2069\u200f\u061c\u2028", @"\u202a\u202e\u2066\u2069\u200f\u061c\u2028")]
    [InlineData("Karachi–Pasni ✓", "Karachi–Pasni ✓")]
    public void The_console_text_sanitiser_escapes_controls_and_bidi_and_leaves_other_text_alone(string text, string printed) =>
        Assert.Equal(printed, ConsoleText.Escape(text));

    private static void AssertPrintable(CliRunner.CliOutput result)
    {
        foreach (var (name, text) in new[] { ("stdout", result.Out), ("stderr", result.Error) })
        {
            var bad = text.Select((c, i) => (c, i)).FirstOrDefault(x => x.c != '\n' && ConsoleText.IsUnsafe(x.c));
            Assert.True(bad == default, $"{name} holds U+{(int)bad.c:X4} at {bad.i}: {text}");
        }
    }

    public void Dispose()
    {
        try { Directory.Delete(_temp, recursive: true); } catch (IOException) { }
    }
}

/// <summary>The corpus's tiny network, copied with names (and optionally an id) that carry terminal escapes and bidi overrides.</summary>
internal static class HostileNetwork
{
    public static string Corpus { get; } = Path.Combine(RepositoryPaths.Root, "tests", "Logistics.Network.Tests", "Corpus");

    public static string Write(string folder, string? invalidId = null)
    {
        Directory.CreateDirectory(Path.Combine(folder, "valid"));
        Directory.CreateDirectory(Path.Combine(folder, "seeds"));
        File.Copy(Path.Combine(Corpus, "seeds", "tiny.json"), Path.Combine(folder, "seeds", "tiny.json"), overwrite: true);
        File.Copy(Path.Combine(Corpus, "valid", "tiny.old-port-closed.scenario.json"), Path.Combine(folder, "valid", "tiny.old-port-closed.scenario.json"), overwrite: true);
        var text = File.ReadAllText(Path.Combine(Corpus, "valid", "tiny.network.json"))
            .Replace("\"name\": \"Tiny test network\"", "\"name\": \"Evil\\u001b]0;pwned\\u0007 title\\u202egnp.exe\"", StringComparison.Ordinal)
            .Replace("\"name\": \"Alpha mine\"", "\"name\": \"Alpha\\u001b[2J\\r\\nFAKE: valid (0 errors)\"", StringComparison.Ordinal)
            .Replace("\"name\": \"New port and railway\"", "\"name\": \"New\\u009bport\\tand rail\"", StringComparison.Ordinal);
        if (invalidId is not null)
            text = text.Replace("\"id\": \"beta\"", "\"id\": \"" + System.Text.Json.JsonEncodedText.Encode(invalidId) + "\"", StringComparison.Ordinal);
        var path = Path.Combine(folder, "valid", "tiny.network.json");
        File.WriteAllText(path, text);
        return path;
    }
}
