namespace Realtime.Dashboards.Tests;

/// <summary>The server as <c>--demo</c> runs it (demo users and the simulated floor), with one day of history so it starts quickly.</summary>
public sealed class DemoSignInServer() : RealtimeServer(FirstResponseTarget, new Dictionary<string, string> { ["Demo__Enabled"] = "true", ["Demo__HistoryDays"] = "1" });
