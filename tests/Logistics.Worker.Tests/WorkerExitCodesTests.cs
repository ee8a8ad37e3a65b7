namespace Logistics.Worker.Tests;

/// <summary>The worker's exit codes against the CLI's: a supervisor running both must be able to tell them apart.</summary>
public sealed class WorkerExitCodesTests
{
    [Fact]
    public void No_worker_exit_code_but_zero_is_also_an_exit_code_of_the_command_line_tool()
    {
        int[] cli = Codes(typeof(Logistics.Cli.ExitCodes));
        int[] worker = Codes(typeof(WorkerExitCodes));

        Assert.Contains(0, cli);
        Assert.Equal([0, 73, 78], worker);
        Assert.Equal([0], worker.Intersect(cli));
    }

    private static int[] Codes(Type holder) =>
        [.. holder.GetFields().Where(f => f.IsLiteral && f.FieldType == typeof(int)).Select(f => (int)f.GetRawConstantValue()!).Order()];
}
