using Logistics.Cli.Aot;

// Ctrl-C cancels the running solve (it then reports its best solution so far) instead of killing the process, as in logistics.
using var cancellation = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancellation.Cancel();
};
return SolveOnlyHost.Run(args, Console.Out, Console.Error, cancellation.Token);
