namespace Realtime.Dashboards.Tests;

/// <summary>A server of its own, so the department's figures are exactly what one test sent.</summary>
public sealed class FloorKpiServer : RealtimeServer;
