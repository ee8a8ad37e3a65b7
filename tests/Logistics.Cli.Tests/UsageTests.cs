namespace Logistics.Cli.Tests;

public class UsageTests
{
    [Fact]
    public void An_unknown_verb_is_a_usage_error_with_exit_code_2_and_no_stack_trace()
    {
        var result = CliRunner.Run("frobnicate");
        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.Contains("frobnicate", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Version_prints_the_tool_version_and_exits_0()
    {
        var result = CliRunner.Run("version");
        Assert.Equal(ExitCodes.Success, result.ExitCode);
        Assert.StartsWith("logistics ", result.Out, StringComparison.Ordinal);
    }
}
