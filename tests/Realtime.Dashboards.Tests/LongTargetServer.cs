namespace Realtime.Dashboards.Tests;

/// <summary>A server whose first-response target (30 min) keeps every complaint of a measurement running.</summary>
public sealed class LongTargetServer() : RealtimeServer(TimeSpan.FromMinutes(30));
