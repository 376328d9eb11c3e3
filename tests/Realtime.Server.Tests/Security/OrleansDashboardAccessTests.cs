using System.Net;
using Realtime.Testing.Server;

namespace Realtime.Server.Tests.Security;

/// <summary>Orleans' dashboard at <c>/orleans</c> names every grain and the cluster's layout: managers only, by token or by the dashboards' cookie.</summary>
public sealed class OrleansDashboardAccessTests : IAsyncLifetime
{
    private readonly RealtimeApp _app = new();

    public Task InitializeAsync() => _app.WaitUntilReadyAsync();

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task Anonymous_is_401_a_supervisor_403_a_manager_by_token_or_by_the_dashboards_cookie_200()
    {
        Assert.Equal(HttpStatusCode.Unauthorized, (await _app.CreateAnonymousClient().GetAsync("/orleans")).StatusCode);

        var supervisor = TestTokens.Create(_app.SigningKey, "sv-1", ["supervisor"], teamIds: ["T1"]);
        Assert.Equal(HttpStatusCode.Forbidden, (await _app.CreateClient(supervisor).GetAsync("/orleans")).StatusCode);

        var manager = TestTokens.Create(_app.SigningKey, "mgr-1", ["manager"]);
        // "/orleans" redirects to "/orleans/" (a client drops its Authorization header on a redirect; a browser keeps the cookie).
        Assert.Equal(HttpStatusCode.OK, (await _app.CreateClient(manager).GetAsync("/orleans/")).StatusCode);

        // A bare client, so the Cookie header goes out as written (the factory's clients manage cookies themselves).
        using var browser = new HttpClient(_app.Server.CreateHandler()) { BaseAddress = _app.Server.BaseAddress };
        using var request = new HttpRequestMessage(HttpMethod.Get, "/orleans/");
        request.Headers.Add("Cookie", $"realtime_orleans={Uri.EscapeDataString(manager)}");
        Assert.Equal(HttpStatusCode.OK, (await browser.SendAsync(request)).StatusCode);

        // The cookie is read on Orleans' path only: it does not sign anything else in.
        using var elsewhere = new HttpRequestMessage(HttpMethod.Get, "/api/teams");
        elsewhere.Headers.Add("Cookie", $"realtime_orleans={Uri.EscapeDataString(manager)}");
        Assert.Equal(HttpStatusCode.Unauthorized, (await browser.SendAsync(elsewhere)).StatusCode);
    }
}
