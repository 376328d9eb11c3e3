using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Realtime.Grains.Audit;
using Realtime.Server.Auth;
using Realtime.Testing;
using Realtime.Testing.Server;

namespace Realtime.Server.Tests.Security;

/// <summary>Issue 23, part 3: unmasked reads with a reason, quarter closes and sign-ins go to the access audit, which auditors read.</summary>
public sealed class AccessAuditTests : IAsyncLifetime
{
    private readonly RealtimeApp _app = new();

    public async Task InitializeAsync()
    {
        var q3 = new DateTimeOffset(2026, 9, 30, 10, 0, 0, TimeSpan.FromHours(8));
        Assert.Equal(HttpStatusCode.Accepted, (await _app.PostEventsAsync(new[] { Events.Opened("pii-1", _app.Time.GetUtcNow().AddMinutes(-1)), Events.Opened("pii-q3", q3) })).StatusCode);
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private HttpClient As(string role, string name) => _app.CreateClient(TestTokens.Create(_app.SigningKey, name, [role], agentId: "A1", teamIds: ["T1"]));

    private static async Task<JsonElement> AuditAsync(HttpClient auditor, string query = "")
    {
        var response = await auditor.GetAsync("/api/audit" + query);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("entries");
    }

    [Fact]
    public async Task A_manager_reads_unmasked_data_only_with_a_reason_and_the_read_is_audited()
    {
        var manager = As("manager", "wang.manager");
        var masked = await manager.GetFromJsonAsync<JsonElement>("/api/complaints/pii-1");
        Assert.Equal("张**", masked.GetProperty("customerName").GetString());

        var noReason = await manager.GetAsync("/api/complaints/pii-1?unmasked=true");
        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        Assert.Contains("reason", await noReason.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, (await As("supervisor", "li.supervisor").GetAsync("/api/complaints/pii-1?unmasked=true&reason=curious")).StatusCode);

        var unmasked = await manager.GetFromJsonAsync<JsonElement>("/api/complaints/pii-1?unmasked=true&reason=" + Uri.EscapeDataString("回访核实 follow-up call"));
        Assert.Equal("张三丰", unmasked.GetProperty("customerName").GetString());
        Assert.Equal("13812341234", unmasked.GetProperty("customerPhone").GetString());

        var entries = await AuditAsync(As("auditor", "zhao.auditor"), "?user=wang.manager");
        var entry = Assert.Single(entries.EnumerateArray());
        Assert.Equal("unmasked-read", entry.GetProperty("action").GetString());
        Assert.Equal("complaint:pii-1", entry.GetProperty("resource").GetString());
        Assert.Equal("回访核实 follow-up call", entry.GetProperty("reason").GetString());
        Assert.Equal(_app.Time.GetUtcNow(), entry.GetProperty("at").GetDateTimeOffset());
        // Who, what and why; never the personal data itself.
        Assert.DoesNotContain("张三丰", entries.GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_quarter_close_and_a_sign_in_are_audited_and_the_audit_is_for_auditors_only()
    {
        Assert.Equal(HttpStatusCode.OK, (await As("manager", "wang.manager").PostAsync("/api/quarters/2026Q3/close", null)).StatusCode);
        var auditor = As("auditor", "zhao.auditor");
        var entries = await AuditAsync(auditor);
        Assert.Contains(entries.EnumerateArray(), e => e.GetProperty("action").GetString() == "quarter-close" && e.GetProperty("resource").GetString() == "quarter:2026Q3"
            && e.GetProperty("user").GetString() == "wang.manager");
        foreach (var role in new[] { "agent", "supervisor", "manager", "ingest" })
            Assert.Equal(HttpStatusCode.Forbidden, (await As(role, "x").GetAsync("/api/audit")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await _app.CreateAnonymousClient().GetAsync("/api/audit")).StatusCode);
        // Reading the audit is an access too.
        Assert.Contains((await AuditAsync(auditor, "?user=zhao.auditor")).EnumerateArray(), e => e.GetProperty("action").GetString() == "audit-read");
    }

    [Fact]
    public async Task A_sign_in_is_audited()
    {
        await using var app = new RealtimeApp(new()
        {
            ["Auth:Users:0:Name"] = "sun.manager",
            ["Auth:Users:0:PasswordHash"] = PasswordHashing.Hash("pw-1234", 10_000),
            ["Auth:Users:0:Roles:0"] = "manager",
        });
        Assert.Equal(HttpStatusCode.OK, (await app.CreateAnonymousClient().PostAsJsonAsync("/api/auth/token", new { user = "sun.manager", password = "pw-1234" })).StatusCode);
        var entries = await AuditAsync(app.CreateClient(TestTokens.Create(app.SigningKey, "a", ["auditor"])), "?user=sun.manager");
        Assert.Equal("sign-in", Assert.Single(entries.EnumerateArray()).GetProperty("action").GetString());
    }

    [Fact]
    public async Task A_refused_sign_in_is_audited_with_the_name_given_and_the_client_address_and_never_the_password()
    {
        await using var app = new RealtimeApp(new()
        {
            ["Auth:Users:0:Name"] = "sun.manager",
            ["Auth:Users:0:PasswordHash"] = PasswordHashing.Hash("pw-1234", 10_000),
            ["Auth:Users:0:Roles:0"] = "manager",
        });
        // The test server has no socket: the client's address is set as a proxy-less connection would have it.
        await using var fromOutside = app.WithWebHostBuilder(b => b.ConfigureServices(s => s.AddTransient<IStartupFilter, ClientAddress>()));
        var anonymous = fromOutside.CreateClient();
        anonymous.DefaultRequestHeaders.Authorization = null;
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsJsonAsync("/api/auth/token", new { user = "sun.manager", password = "wrong-secret-1" })).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsJsonAsync("/api/auth/token", new { user = "no.such\r\nuser", password = "wrong-secret-2" })).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsJsonAsync("/api/auth/token", new { user = new string('x', 300), password = "wrong-secret-3" })).StatusCode);
        var at = app.Time.GetUtcNow();

        var auditor = fromOutside.CreateClient();
        auditor.DefaultRequestHeaders.Authorization = new("Bearer", TestTokens.Create(app.SigningKey, "a", ["auditor"]));
        var entries = (await AuditAsync(auditor)).EnumerateArray().Where(e => e.GetProperty("action").GetString() == "sign-in-failed").ToList();
        Assert.Equal(["sun.manager", "no.suchuser", new string('x', 64) + "…"], entries.Select(e => e.GetProperty("user").GetString()));
        Assert.All(entries, e =>
        {
            Assert.Equal("unknown user or wrong password; client 203.0.113.7", e.GetProperty("reason").GetString());
            Assert.Equal("user:" + e.GetProperty("user").GetString(), e.GetProperty("resource").GetString());
            Assert.Equal(at, e.GetProperty("at").GetDateTimeOffset());
        });
        // The password is in no answer of the audit, JSON or CSV.
        var json = await (await auditor.GetAsync("/api/audit")).Content.ReadAsStringAsync();
        var csv = await (await auditor.GetAsync("/api/audit?format=csv")).Content.ReadAsStringAsync();
        Assert.DoesNotContain("wrong-secret", json + csv, StringComparison.Ordinal);
        Assert.Contains(",sun.manager,sign-in-failed,user:sun.manager,", csv, StringComparison.Ordinal);

        // A sign-in that succeeds names the client address too.
        Assert.Equal(HttpStatusCode.OK, (await anonymous.PostAsJsonAsync("/api/auth/token", new { user = "sun.manager", password = "pw-1234" })).StatusCode);
        var signedIn = Assert.Single((await AuditAsync(auditor, "?user=sun.manager")).EnumerateArray(), e => e.GetProperty("action").GetString() == "sign-in");
        Assert.Equal("client 203.0.113.7", signedIn.GetProperty("reason").GetString());
    }

    [Fact]
    public async Task The_audit_is_filtered_by_time_and_exported_as_csv()
    {
        var manager = As("manager", "wang.manager");
        await manager.GetAsync("/api/complaints/pii-1?unmasked=true&reason=" + Uri.EscapeDataString("=cmd, \"quoted\""));
        var before = _app.Time.GetUtcNow();
        _app.Time.Advance(TimeSpan.FromHours(2));
        await manager.GetAsync("/api/complaints/pii-1?unmasked=true&reason=later");
        var auditor = As("auditor", "zhao.auditor");

        var early = await AuditAsync(auditor, $"?user=wang.manager&to={Uri.EscapeDataString(before.AddSeconds(1).ToString("O"))}");
        Assert.Equal(["=cmd, \"quoted\""], early.EnumerateArray().Select(e => e.GetProperty("reason").GetString()));
        var late = await AuditAsync(auditor, $"?user=wang.manager&from={Uri.EscapeDataString(before.AddHours(1).ToString("O"))}");
        Assert.Equal(["later"], late.EnumerateArray().Select(e => e.GetProperty("reason").GetString()));

        var csv = await auditor.GetAsync("/api/audit?user=wang.manager&format=csv");
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        var lines = Encoding.UTF8.GetString(await csv.Content.ReadAsByteArrayAsync()).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("at,user,action,resource,reason", lines[0]);
        Assert.EndsWith(",wang.manager,unmasked-read,complaint:pii-1,\"'=cmd, \"\"quoted\"\"\"", lines[1], StringComparison.Ordinal);
        Assert.Equal(3, lines.Length);

        var bad = await auditor.GetAsync("/api/audit?from=yesterday");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("from", await bad.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Entries_older_than_the_retention_are_purged_hourly_and_newer_ones_kept()
    {
        await using var app = new RealtimeApp(new() { ["Audit:Retention"] = "30.00:00:00" });
        await app.WaitUntilReadyAsync();
        var auditor = app.Services.GetRequiredService<AccessAuditor>();
        await auditor.RecordAsync("old", AccessActions.SignIn, "user:old");
        app.Time.Advance(TimeSpan.FromDays(20));
        await auditor.RecordAsync("new", AccessActions.SignIn, "user:new");
        Assert.Equal(0, await auditor.PurgeAsync());
        // The hourly purge runs on the server clock: 35 days on, the first entry is past the 30 days.
        app.Time.Advance(TimeSpan.FromDays(15));
        await Eventually.TrueAsync(async () => (await auditor.Store.ReadAsync(DateTimeOffset.MinValue, DateTimeOffset.MaxValue, null, 100)).Count == 1, "the hourly purge removed the old entry");
        var left = await auditor.Store.ReadAsync(DateTimeOffset.MinValue, DateTimeOffset.MaxValue, null, 100);
        Assert.Equal(["new"], left.Select(e => e.User));
    }

    /// <summary>Gives every request the client address 203.0.113.7 (a documentation address), as a socket would.</summary>
    private sealed class ClientAddress : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, then) =>
            {
                context.Connection.RemoteIpAddress = IPAddress.Parse("203.0.113.7");
                return then(context);
            });
            next(app);
        };
    }

    [Fact]
    public void Without_configuration_the_retention_is_five_years()
    {
        var retention = _app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<AuditOptions>>().Value.Retention;
        Assert.Equal(TimeSpan.FromDays(5 * 365 + 1), retention);
    }
}
