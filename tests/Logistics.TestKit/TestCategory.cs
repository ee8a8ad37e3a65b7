namespace Logistics.TestKit;

/// <summary>
/// Trait values for <c>[Trait("Category", …)]</c>. Tests that start a process (the CLI, the worker, PostgreSQL,
/// Chromium) or host a server are <see cref="Process"/>: the quick inner loop leaves them out with
/// <c>dotnet test --filter Category!=Process</c>, while <c>.ci/run</c> runs everything.
/// </summary>
public static class TestCategory
{
    /// <summary>The trait's name.</summary>
    public const string Name = "Category";

    /// <summary>Starts a child process, a browser or a host: seconds each, and dependent on the machine.</summary>
    public const string Process = "Process";
}
