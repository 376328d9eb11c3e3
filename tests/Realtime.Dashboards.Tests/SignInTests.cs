using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Realtime.Dashboards.Tests;

/// <summary>Issue 23: the dashboards sign in: the sign-in page (one click under --demo), or a token in the URL fragment for wall boards.</summary>
[Collection(DashboardCollection.Name)]
public sealed class SignInTests(HeadlessChromium chromium, DemoSignInServer server) : IClassFixture<DemoSignInServer>
{
    private async Task<(IBrowserContext Context, IPage Page)> NewPageAsync()
    {
        var context = await chromium.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = server.BaseAddress.ToString(), ViewportSize = new ViewportSize { Width = 1920, Height = 1080 } });
        return (context, await context.NewPageAsync());
    }

    [Fact]
    public async Task A_board_without_a_token_goes_to_sign_in_and_one_click_as_demo_supervisor_brings_their_team_board_live()
    {
        var (context, page) = await NewPageAsync();
        try
        {
            await page.GotoAsync("/wallboard?lang=en");
            await Expect(page).ToHaveURLAsync(new Regex("/signin\\?return=%2Fwallboard%3Flang%3Den$"));
            await page.Locator("button.demo-user[data-user=\"demo-supervisor\"]").ClickAsync();
            // A supervisor's floor board opens on their team.
            await Expect(page).ToHaveURLAsync(new Regex("/wallboard\\?lang=en&team=T1$"));
            await Expect(page.Locator("#live-indicator")).ToHaveAttributeAsync("data-state", "connected", new() { Timeout = 15_000 });
            // The demo runs claims and follow-ups too: every team finishes a case of each clock within its first minute, so
            // the team's five case clock tiles fill with today's met share (none left without data).
            await Expect(page.Locator("#case-kpis .kpi")).ToHaveCountAsync(5);
            await Expect(page.Locator("#case-kpis .kpi[data-status=\"noData\"]")).ToHaveCountAsync(0, new() { Timeout = 90_000 });
        }
        finally
        {
            await context.DisposeAsync();
        }
    }

    [Fact]
    public async Task A_token_in_the_url_fragment_signs_the_board_in_and_leaves_the_address_bar()
    {
        var (context, page) = await NewPageAsync();
        try
        {
            await page.GotoAsync("/wallboard?tv=1#access_token=" + Uri.EscapeDataString(server.AccessToken));
            await Expect(page.Locator("#live-indicator")).ToHaveAttributeAsync("data-state", "connected", new() { Timeout = 15_000 });
            Assert.DoesNotContain("access_token", page.Url, StringComparison.Ordinal);
            Assert.Equal(server.AccessToken, await page.EvaluateAsync<string>("() => sessionStorage.getItem('realtime.accessToken')"));
        }
        finally
        {
            await context.DisposeAsync();
        }
    }

    [Fact]
    public async Task A_wrong_password_is_refused_on_the_page()
    {
        var (context, page) = await NewPageAsync();
        try
        {
            await page.GotoAsync("/signin");
            await page.Locator("#user").FillAsync("demo-manager");
            await page.Locator("#password").FillAsync("not-the-password");
            await page.Locator("#signin-form button[type=submit]").ClickAsync();
            await Expect(page.Locator("#signin-error")).ToContainTextAsync("wrong password");
            Assert.Null(await page.EvaluateAsync<string?>("() => sessionStorage.getItem('realtime.accessToken')"));
        }
        finally
        {
            await context.DisposeAsync();
        }
    }
}
