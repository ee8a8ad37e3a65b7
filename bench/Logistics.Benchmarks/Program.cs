using Logistics.Benchmarks;

// Benchmarks (docs/benchmarks.md, "Reproduce"). Not a test: run it by hand, in Release, for example
//   dotnet run -c Release --project bench/Logistics.Benchmarks -- sizes
//   dotnet run -c Release --project bench/Logistics.Benchmarks -- periods
//   dotnet run -c Release --project bench/Logistics.Benchmarks -- mcnd c33 --time-limit 90
//   dotnet run -c Release --project bench/Logistics.Benchmarks -- cflp-e2e --instances cap41,cap131
// and --help for every verb and option. Exit codes: 0 done, 1 a file or name was bad, 2 usage, 3 a plan failed its check,
// 4 a program the side-by-side run (cflp-e2e) needs is missing.
return BenchmarkCommandLine.Run(args, Console.Out, Console.Error);
