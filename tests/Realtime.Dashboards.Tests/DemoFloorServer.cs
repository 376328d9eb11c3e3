namespace Realtime.Dashboards.Tests;

/// <summary>
/// The server as <c>--demo</c> runs it for a newcomer: the shipped 2-minute first-response target (so the seeded history
/// breaches nothing), 100 days of history, which always reach into the last quarter (a quarter has at most 92 days), and
/// three times the complex complaints (each team's senior agent, A101 …, has several open at any moment).
/// </summary>
public sealed class DemoFloorServer() : RealtimeServer(TimeSpan.FromMinutes(2), new Dictionary<string, string> { ["Demo__Enabled"] = "true", ["Demo__HistoryDays"] = "100", ["Demo__ComplexComplaintsPerDay"] = "24" });
