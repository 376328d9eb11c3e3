using System.Text.Json;
using Realtime.Domain.Clocks;
using Realtime.Domain.Complaints;

namespace Realtime.Grains.Complaints;

/// <summary>What a board needs to know of one open complaint to order it by urgency without activating it.</summary>
/// <param name="ComplaintId">The complaint.</param>
/// <param name="TeamId">Its team.</param>
/// <param name="AgentId">Its current owner.</param>
/// <param name="Paused">Whether it is waiting on the customer.</param>
/// <param name="Breached">Whether any clock has breached.</param>
/// <param name="MostUrgentDueAt">The earliest due instant of its running clocks (null when none runs).</param>
public sealed record OpenComplaintSummary(string ComplaintId, string? TeamId, string? AgentId, bool Paused, bool Breached, DateTimeOffset? MostUrgentDueAt)
{
    /// <summary>The summary of <paramref name="view"/>; null when it is resolved (no longer open).</summary>
    public static OpenComplaintSummary? From(ComplaintView view)
    {
        if (view.Status == ComplaintStatus.Resolved) return null;
        // Every complaint turn builds one: loops, not iterators and closures.
        var breached = false;
        DateTimeOffset? mostUrgent = null;
        foreach (var clock in view.Clocks)
        {
            breached |= clock.State == ClockState.Breached;
            if (clock.State == ClockState.Running && clock.DueAt is { } due && (mostUrgent is null || due < mostUrgent)) mostUrgent = due;
        }
        return new(view.Id, view.TeamId, view.AgentId, view.Status == ComplaintStatus.Paused, breached, mostUrgent);
    }

    /// <summary>
    /// Reads a summary as <see cref="GrainJson"/> writes it (the deadline index stores them so). A restart reads one per
    /// open complaint, a million in a large centre: this reader of the known shape takes a fifth of the general
    /// serializer's time; anything else (a property it does not know) goes to the serializer.
    /// </summary>
    public static OpenComplaintSummary? FromJson(ReadOnlySpan<byte> utf8)
    {
        var reader = new Utf8JsonReader(utf8);
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject) return Deserialize(utf8);
        string? id = null, team = null, agent = null;
        bool paused = false, breached = false;
        DateTimeOffset? due = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("complaintId"u8)) id = reader.Read() ? reader.GetString() : null;
            else if (reader.ValueTextEquals("teamId"u8)) team = reader.Read() ? reader.GetString() : null;
            else if (reader.ValueTextEquals("agentId"u8)) agent = reader.Read() ? reader.GetString() : null;
            else if (reader.ValueTextEquals("paused"u8)) paused = reader.Read() && reader.GetBoolean();
            else if (reader.ValueTextEquals("breached"u8)) breached = reader.Read() && reader.GetBoolean();
            else if (reader.ValueTextEquals("mostUrgentDueAt"u8)) due = reader.Read() && reader.TokenType != JsonTokenType.Null ? reader.GetDateTimeOffset() : null;
            else return Deserialize(utf8);
        }
        if (reader.TokenType != JsonTokenType.EndObject || id is null) return Deserialize(utf8);
        return new(id, team, agent, paused, breached, due);
    }

    private static OpenComplaintSummary? Deserialize(ReadOnlySpan<byte> utf8) => JsonSerializer.Deserialize<OpenComplaintSummary>(utf8, GrainJson.Options);

    /// <summary>Board order: breached first, then the least time left (paused ones have none running and come last).</summary>
    public static int CompareUrgency(OpenComplaintSummary? a, OpenComplaintSummary? b)
    {
        if (a is null || b is null) return a is null ? (b is null ? 0 : 1) : -1;
        var c = b.Breached.CompareTo(a.Breached);
        if (c != 0) return c;
        c = (a.MostUrgentDueAt ?? DateTimeOffset.MaxValue).CompareTo(b.MostUrgentDueAt ?? DateTimeOffset.MaxValue);
        return c != 0 ? c : string.CompareOrdinal(a.ComplaintId, b.ComplaintId);
    }
}
