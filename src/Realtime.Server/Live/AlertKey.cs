using System.Text.Json;

namespace Realtime.Server.Live;

/// <summary>
/// What makes two alerts the same alert, as <c>dashboards/src/assets/js/alertKey.js</c> has it: a warning by complaint,
/// clock, fraction and due time, a breach by complaint, clock and due time, an escalation by complaint and level. A server
/// that died before its checkpoint pushes the same alert again after the restart (marked late), and it is kept once.
/// </summary>
internal readonly record struct AlertKey(string Kind, string ComplaintId, string Clock, double Fraction, long DueAtUtcTicks, int Level)
{
    /// <summary>The key of a <paramref name="kind"/> alert with <paramref name="payload"/> (the hub payload's JSON object).</summary>
    public static AlertKey Read(string kind, ReadOnlySpan<byte> payload)
    {
        string complaintId = "", clock = "";
        double fraction = 0;
        long dueAt = 0;
        int level = 0;
        var reader = new Utf8JsonReader(payload);
        reader.Read();
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var name = reader;
            reader.Read();
            if (name.ValueTextEquals("complaintId"u8) && reader.TokenType == JsonTokenType.String) complaintId = reader.GetString()!;
            else if (name.ValueTextEquals("clock"u8) && reader.TokenType == JsonTokenType.String) clock = reader.GetString()!;
            else if (name.ValueTextEquals("fraction"u8) && reader.TokenType == JsonTokenType.Number) fraction = reader.GetDouble();
            else if (name.ValueTextEquals("dueAt"u8) && reader.TokenType == JsonTokenType.String && reader.TryGetDateTimeOffset(out var due)) dueAt = due.UtcTicks;
            else if (name.ValueTextEquals("level"u8) && reader.TokenType == JsonTokenType.Number) level = reader.GetInt32();
            else reader.Skip();
        }
        return kind switch
        {
            RecentAlerts.Warning => new(kind, complaintId, clock, fraction, dueAt, 0),
            RecentAlerts.Breached => new(kind, complaintId, clock, 0, dueAt, 0),
            _ => new(kind, complaintId, "", 0, 0, level),
        };
    }
}
