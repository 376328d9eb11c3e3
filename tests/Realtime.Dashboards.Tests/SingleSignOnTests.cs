using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Realtime.Dashboards.Tests;

/// <summary>
/// The dashboards sign in at the insurer's single sign-on: the authorization code flow with PKCE (S256) against a real
/// OpenID Connect issuer, in Chromium, from a wall board opened signed out to the same board live.
/// </summary>
[Collection(DashboardCollection.Name)]
public sealed class SingleSignOnTests(HeadlessChromium chromium, SingleSignOnServer server) : IClassFixture<SingleSignOnServer>
{
    [Fact]
    public async Task A_board_opened_signed_out_signs_in_at_the_issuer_with_PKCE_and_comes_back_live()
    {
        var context = await chromium.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = server.BaseAddress.ToString() });
        // Every address the browser asks for, the issuer's included: the verifier must be in none of them.
        var urls = new ConcurrentQueue<string>();
        context.Request += (_, request) => urls.Enqueue(request.Url);
        try
        {
            var page = await context.NewPageAsync();
            await page.GotoAsync("/wallboard?lang=en");
            await Expect(page).ToHaveURLAsync(new Regex("/signin\\?return=%2Fwallboard%3Flang%3Den$"));
            await page.Locator("#sso").ClickAsync();

            // Back from the issuer, signed in as its supervisor of T1: their team's board, live.
            await Expect(page).ToHaveURLAsync(new Regex("/wallboard\\?lang=en&team=T1$"), new() { Timeout = 15_000 });
            await Expect(page.Locator("#live-indicator")).ToHaveAttributeAsync("data-state", "connected", new() { Timeout = 15_000 });

            var exchange = Assert.Single(server.Issuer.Exchanges);
            Assert.Contains(urls, url => url.StartsWith(server.Issuer.Authority + "authorize?", StringComparison.Ordinal)
                && url.Contains("code_challenge=" + exchange.CodeChallenge, StringComparison.Ordinal) && url.Contains("code_challenge_method=S256", StringComparison.Ordinal));
            Assert.DoesNotContain(urls, url => url.Contains(exchange.CodeVerifier, StringComparison.Ordinal));
            // Nothing of the sign-in stays in the address bar or in the session but the token.
            Assert.DoesNotMatch("code=|state=|access_token", page.Url);
            Assert.Null(await page.EvaluateAsync<string?>("() => sessionStorage.getItem('realtime.pkce')"));
            Assert.StartsWith("ey", await page.EvaluateAsync<string?>("() => sessionStorage.getItem('realtime.accessToken')") ?? "", StringComparison.Ordinal);
        }
        finally
        {
            await context.DisposeAsync();
        }
    }

    [Fact]
    public async Task An_answer_whose_state_is_not_this_sessions_is_refused_and_its_code_never_exchanged()
    {
        var context = await chromium.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = server.BaseAddress.ToString() });
        var exchangedBefore = server.Issuer.Exchanges.Count;
        server.Issuer.TamperWithState = true;
        try
        {
            var page = await context.NewPageAsync();
            await page.GotoAsync("/signin?return=%2Fwallboard");
            await page.Locator("#sso").ClickAsync();
            await Expect(page).ToHaveURLAsync(new Regex("/signin\\?code=[^&]+&state="));
            await Expect(page.Locator("#signin-error")).ToContainTextAsync("does not match this session");
            Assert.Null(await page.EvaluateAsync<string?>("() => sessionStorage.getItem('realtime.accessToken')"));
            Assert.Equal(exchangedBefore, server.Issuer.Exchanges.Count);
        }
        finally
        {
            server.Issuer.TamperWithState = false;
            await context.DisposeAsync();
        }
    }
}
