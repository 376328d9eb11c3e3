using System.Text;
using System.Text.Json;
using Realtime.Grains.Live;
using Realtime.Server.Live;
using Realtime.Testing;

namespace Realtime.Server.Tests.Live;

/// <summary>What <see cref="RecentAlerts"/> keeps of the pushes it is fed: alerts only, each once, the newest per scope.</summary>
public sealed class RecentAlertsTests
{
    private readonly FakeTimeProvider _time = new();

    private static byte[] Invocation(string method, string payload) =>
        Encoding.UTF8.GetBytes($$"""{"type":1,"target":"{{method}}","arguments":[{{payload}}]}""" + "\u001e");

    private static string Breach(string complaint, string dueAt, bool late = false) =>
        $$"""{"complaintId":"{{complaint}}","clock":"firstResponse","dueAt":"{{dueAt}}","breachedAt":"{{dueAt}}","detectedAt":"{{dueAt}}","late":{{(late ? "true" : "false")}},"agentId":"A1","teamId":"T1"}""";

    private static List<string> Complaints(IReadOnlyList<RecentAlert> alerts) =>
        alerts.Select(a => $"{a.Kind} {JsonDocument.Parse(a.Payload).RootElement.GetProperty("complaintId").GetString()}").ToList();

    [Fact]
    public void A_repeated_alert_is_kept_once_even_when_its_due_time_is_written_in_another_offset()
    {
        var alerts = new RecentAlerts(40, _time);
        string[] scopes = [LiveScopes.Floor, LiveScopes.Team("T1")];

        alerts.Record(LiveMethods.SlaBreached, Invocation(LiveMethods.SlaBreached, Breach("c-1", "2026-11-21T12:02:00+00:00")), scopes);
        // The same breach detected again after a restart: late, and written by a server in another offset.
        alerts.Record(LiveMethods.SlaBreached, Invocation(LiveMethods.SlaBreached, Breach("c-1", "2026-11-21T20:02:00+08:00", late: true)), scopes);
        // Another breach of the same complaint (a new due time after a reopen) is another alert.
        alerts.Record(LiveMethods.SlaBreached, Invocation(LiveMethods.SlaBreached, Breach("c-1", "2026-11-21T13:00:00+00:00")), scopes);

        Assert.Equal(["breached c-1", "breached c-1"], Complaints(alerts.Newest(LiveScopes.Team("T1"), 40)));
        Assert.Contains("\"late\":false", Encoding.UTF8.GetString(alerts.Newest(LiveScopes.Floor, 40)[1].Payload.Span));
    }

    [Fact]
    public void Each_scope_keeps_its_newest_alerts_and_state_pushes_are_not_alerts()
    {
        var alerts = new RecentAlerts(3, _time);
        for (var i = 1; i <= 5; i++)
        {
            _time.Advance(TimeSpan.FromSeconds(1));
            alerts.Record(LiveMethods.Escalated, Invocation(LiveMethods.Escalated, $$"""{"complaintId":"c-{{i}}","level":1,"role":"teamLead"}"""), [LiveScopes.Floor]);
            alerts.Record(LiveMethods.ComplaintChanged, Invocation(LiveMethods.ComplaintChanged, $$"""{"id":"c-{{i}}"}"""), [LiveScopes.Floor]);
        }

        var kept = alerts.Newest(LiveScopes.Floor, 40);

        Assert.Equal(["escalated c-5", "escalated c-4", "escalated c-3"], Complaints(kept));
        Assert.Equal(_time.GetUtcNow(), kept[0].At);
        Assert.Equal(["escalated c-5"], Complaints(alerts.Newest(LiveScopes.Floor, 1)));
        Assert.Empty(alerts.Newest(LiveScopes.Team("T1"), 40));
    }
}
