using System.Reflection;

namespace Realtime.Dashboards.Tests;

/// <summary>Where the repository, the server's build output and the test artifacts are on this machine.</summary>
internal static class TestEnvironment
{
    /// <summary>The repository root (the folder holding Realtime.sln), as seen when the tests were built.</summary>
    public static string RepositoryRoot { get; } = Metadata("RepositoryRoot");

    /// <summary>
    /// The server assembly to run: the Realtime.Server build output of the same configuration as
    /// these tests, or REALTIME_SERVER_DLL when set (to run the board tests against another build).
    /// </summary>
    public static string ServerAssemblyPath { get; } =
        Environment.GetEnvironmentVariable("REALTIME_SERVER_DLL") is { Length: > 0 } overridden
            ? Path.GetFullPath(overridden)
            : Path.Combine(RepositoryRoot, "src", "Realtime.Server", "bin", Metadata("ServerConfiguration"), "net10.0", "Realtime.Server.dll");

    /// <summary>Screenshots land here (artifacts/screenshots at the repository root) for people to look at.</summary>
    public static string ScreenshotDirectory { get; } = Path.Combine(RepositoryRoot, "artifacts", "screenshots");

    /// <summary>The Chromium the tests drive; Playwright's own browser download is never used.</summary>
    public const string ChromiumPath = "/usr/bin/chromium";

    private static string Metadata(string key) =>
        typeof(TestEnvironment).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == key).Value
        ?? throw new InvalidOperationException($"Assembly metadata {key} is missing; see Realtime.Dashboards.Tests.csproj.");
}
