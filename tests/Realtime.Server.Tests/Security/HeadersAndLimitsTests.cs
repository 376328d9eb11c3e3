using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Realtime.Testing.Server;

namespace Realtime.Server.Tests.Security;

/// <summary>Issue 23, part 5: the dashboards' security headers, and ingest and sign-in rate limits (429 with Retry-After).</summary>
public sealed class HeadersAndLimitsTests
{
    [Theory]
    [InlineData("/wallboard")]
    [InlineData("/signin")]
    [InlineData("/manager")]
    [InlineData("/api/time")]
    public async Task Pages_and_answers_carry_the_security_headers(string path)
    {
        await using var app = new RealtimeApp();
        var response = await app.CreateAnonymousClient().GetAsync(path);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("no-referrer", response.Headers.GetValues("Referrer-Policy").Single());
        var csp = response.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.Contains("script-src 'self'", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe", csp, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_refused_request_carries_them_too()
    {
        await using var app = new RealtimeApp();
        var response = await app.CreateAnonymousClient().GetAsync("/api/floor/board");
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
    }

    [Fact]
    public async Task Ingest_over_the_rate_limit_is_429_with_Retry_After_per_user()
    {
        await using var app = new RealtimeApp(new() { ["Ingest:RateLimit:RequestsPerSecond"] = "1", ["Ingest:RateLimit:Burst"] = "3" });
        var client = app.CreateClient();
        var answers = new List<(string Id, HttpResponseMessage Response)>();
        for (var i = 0; i < 6; i++) answers.Add(("rl-" + i, await app.PostEventsAsync(new[] { Events.Opened("rl-" + i, app.Time.GetUtcNow()) }, client)));
        Assert.All(answers.Take(3), a => Assert.Equal(HttpStatusCode.Accepted, a.Response.StatusCode));
        // The bucket refills one request a second, so of three more in a row at least one is over the limit.
        var (id, refused) = answers.Skip(3).First(a => a.Response.StatusCode == HttpStatusCode.TooManyRequests);
        Assert.True(int.Parse(refused.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture) >= 1);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/api/complaints/" + id)).StatusCode);

        // Another user has a bucket of its own.
        var other = app.CreateClient(TestTokens.Create(app.SigningKey, "other-integration", ["ingest"]));
        Assert.Equal(HttpStatusCode.Accepted, (await app.PostEventsAsync(new[] { Events.Opened("rl-other", app.Time.GetUtcNow()) }, other)).StatusCode);
    }

    [Fact]
    public async Task Sign_in_attempts_are_limited_per_client()
    {
        await using var app = new RealtimeApp();
        var anonymous = app.CreateAnonymousClient();
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 12; i++) statuses.Add((await anonymous.PostAsJsonAsync("/api/auth/token", new { user = "guess", password = "guess-" + i })).StatusCode);
        Assert.All(statuses.Take(10), s => Assert.Equal(HttpStatusCode.Unauthorized, s));
        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[11]);
    }

    [Fact]
    public async Task Without_configuration_ingest_allows_100_requests_a_second_in_bursts_of_200()
    {
        await using var app = new RealtimeApp();
        var limits = app.Services.GetRequiredService<IOptions<Api.IngestOptions>>().Value.RateLimit;
        Assert.Equal((100, 200), (limits.RequestsPerSecond, limits.Burst));
    }
}
