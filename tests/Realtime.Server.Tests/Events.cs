namespace Realtime.Server.Tests;

/// <summary>Ingest events as the contract spells them.</summary>
public static class Events
{
    private static int _next;

    /// <summary>A fresh event id.</summary>
    public static string NewId() => "ev-" + Interlocked.Increment(ref _next) + "-" + Guid.NewGuid().ToString("N")[..8];

    /// <summary><c>complaint.opened</c>.</summary>
    public static Dictionary<string, object?> Opened(string complaintId, DateTimeOffset at, string team = "T1", string? agent = "A1", string? severity = null, string? id = null) => new()
    {
        ["id"] = id ?? NewId(),
        ["type"] = "complaint.opened",
        ["occurredAt"] = at.ToString("O"),
        ["complaintId"] = complaintId,
        ["teamId"] = team,
        ["agentId"] = agent,
        ["severity"] = severity,
        ["customerName"] = "张三丰",
        ["customerPhone"] = "13812341234",
    };

    /// <summary>Any complaint event other than opened.</summary>
    public static Dictionary<string, object?> Complaint(string type, string complaintId, DateTimeOffset at, string? agent = null) => new()
    {
        ["id"] = NewId(),
        ["type"] = type,
        ["occurredAt"] = at.ToString("O"),
        ["complaintId"] = complaintId,
        ["agentId"] = agent,
    };
}
