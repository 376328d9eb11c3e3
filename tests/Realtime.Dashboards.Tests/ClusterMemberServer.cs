namespace Realtime.Dashboards.Tests;

/// <summary>One server of a cluster: the board tests' server on a PostgreSQL database and a signing key that other servers share.</summary>
public sealed class ClusterMemberServer(string connectionString, string signingKey)
    : RealtimeServer(FirstResponseTarget, new Dictionary<string, string>
    {
        ["ConnectionStrings__Postgres"] = connectionString,
        ["Orleans__Dashboard__Enabled"] = "false",
        ["Auth__SigningKey"] = signingKey,
    });
