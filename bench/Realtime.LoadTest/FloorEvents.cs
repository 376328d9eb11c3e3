using System.Buffers;
using System.Text.Json;

namespace Realtime.LoadTest;

/// <summary>
/// Builds ingest bodies (JSON arrays of <c>complaint.opened</c> events, ~250 B each, as the contract defines them).
/// Complaints are spread over 50 teams and 1,000 agents so no single team or agent grain carries the whole floor.
/// </summary>
public static class FloorEvents
{
    /// <summary>Teams the generated complaints belong to (<c>--teams</c>; 50 by default, a large floor).</summary>
    public static int Teams { get; set; } = 50;

    /// <summary>Agents the generated complaints are assigned to (<c>--agents</c>; 1,000 by default).</summary>
    public static int Agents { get; set; } = 1_000;

    /// <summary>Requests answered 503 (storage not ready) and sent again, as the contract asks a client to do.</summary>
    public static long Retried503;

    /// <summary>
    /// A body opening the complaints <c>{prefix}{first}</c> … <c>{prefix}{first+count-1}</c>; complaint <c>i</c> occurred at
    /// <paramref name="occurredAt"/>(i), so its first-response deadline is that instant plus the configured target.
    /// </summary>
    public static byte[] OpenedBody(string prefix, long first, int count, Func<long, DateTimeOffset> occurredAt)
    {
        var buffer = new ArrayBufferWriter<byte>(count * 300);
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartArray();
            for (var i = first; i < first + count; i++)
            {
                var agent = i % Agents;
                json.WriteStartObject();
                json.WriteString("id", $"{prefix}{i}-opened");
                json.WriteString("type", "complaint.opened");
                json.WriteString("occurredAt", occurredAt(i).ToString("yyyy-MM-dd'T'HH:mm:ss.fffK"));
                json.WriteString("complaintId", $"{prefix}{i}");
                json.WriteString("teamId", $"T{agent % Teams}");
                json.WriteString("agentId", $"A{agent}");
                json.WriteString("category", "billing");
                json.WriteString("severity", "normal");
                json.WriteString("channel", "phone");
                json.WriteString("customerId", $"CU{i}");
                json.WriteString("customerName", "张三丰");
                json.WriteString("customerPhone", "13812341234");
                json.WriteEndObject();
            }
            json.WriteEndArray();
        }
        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>The complaint number encoded in an id made by <see cref="OpenedBody"/> with <paramref name="prefix"/> (-1 when it is not one).</summary>
    public static long NumberOf(string complaintId, string prefix) =>
        complaintId.StartsWith(prefix, StringComparison.Ordinal) && long.TryParse(complaintId.AsSpan(prefix.Length), out var n) ? n : -1;

    /// <summary>Posts a body until the server answers 202: a 503 (nothing stored) is retried after 100 ms for up to a minute, anything else fails.</summary>
    public static async Task PostAsync(HttpClient http, byte[] body, CancellationToken cancellationToken = default)
    {
        var giveUpAt = DateTime.UtcNow + TimeSpan.FromMinutes(1);
        while (true)
        {
            using var content = new ByteArrayContent(body);
            content.Headers.ContentType = new("application/json");
            using var response = await http.PostAsync("api/events", content, cancellationToken);
            if ((int)response.StatusCode == 202) return;
            if ((int)response.StatusCode != 503 || DateTime.UtcNow > giveUpAt)
                throw new InvalidOperationException($"POST /api/events answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(cancellationToken)}");
            Interlocked.Increment(ref Retried503);
            await Task.Delay(100, cancellationToken);
        }
    }
}
