using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Realtime.Testing;

namespace Realtime.Server.Tests.Durability;

/// <summary>A case's state, its next deadline and its place in the case list survive a restart on PostgreSQL.</summary>
public sealed class CaseRestartTests : IAsyncLifetime
{
    private PostgresTestDatabase _database = null!;

    public async Task InitializeAsync() => _database = await PostgresTestDatabase.CreateAsync();

    public async Task DisposeAsync() => await _database.DisposeAsync();

    private RealtimeApp NewApp() => new(new() { ["ConnectionStrings:Postgres"] = _database.ConnectionString });

    [Fact]
    public async Task A_survey_clock_armed_before_a_restart_breaches_at_its_due_time_after_it()
    {
        DateTimeOffset dispatched;
        await using (var first = NewApp())
        {
            await first.WaitUntilReadyAsync();
            dispatched = first.Time.GetUtcNow();
            var response = await first.PostEventsAsync(new object[]
            {
                new { id = "restart-case-1", type = "case.opened", occurredAt = dispatched, caseId = "claim-r", caseType = "claim", teamId = "T1" },
                new { id = "restart-case-2", type = "case.step", occurredAt = dispatched, caseId = "claim-r", step = "surveyDispatched" },
            });
            Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        }

        // Each app's fake clock starts at the same instant, so the restarted server resumes where the first stopped.
        await using var second = NewApp();
        Assert.Equal(dispatched, second.Time.GetUtcNow());
        await second.WaitUntilReadyAsync();
        await using var floor = await second.SubscribeAsync("floor");
        Assert.Equal(1, (await second.CreateClient().GetFromJsonAsync<JsonElement>("/api/cases?type=claim")).GetProperty("total").GetInt32());

        second.Time.Advance(TimeSpan.FromMinutes(3));
        var breach = await floor.NextAsync("caseBreached");
        Assert.Equal(("claim-r", dispatched.AddMinutes(3)), (breach.GetProperty("caseId").GetString(), breach.GetProperty("breachedAt").GetDateTimeOffset()));
        var claim = await second.CreateClient().GetFromJsonAsync<JsonElement>("/api/cases/claim-r");
        Assert.Equal(1, claim.GetProperty("steps").GetProperty("surveyDispatched").GetInt32());
    }
}
