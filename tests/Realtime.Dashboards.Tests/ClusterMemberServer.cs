namespace Realtime.Dashboards.Tests;

/// <summary>One server of a cluster: the board tests' server on a PostgreSQL database that other servers share.</summary>
public sealed class ClusterMemberServer(string connectionString)
    : RealtimeServer(FirstResponseTarget, new Dictionary<string, string>
    {
        ["ConnectionStrings__Postgres"] = connectionString,
        ["Orleans__Dashboard__Enabled"] = "false",
    });
