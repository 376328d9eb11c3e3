using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Realtime.Dashboards.Tests;

/// <summary>
/// A dashboard page (wall board, agent view, manager view) in a fresh browser context (own localStorage),
/// by default sized like the 1920×1080 TV of the wall board. Records console errors and uncaught page errors
/// so tests can assert there are none.
/// </summary>
public sealed class DashboardPage : IAsyncDisposable
{
    private readonly IBrowserContext _context;
    private readonly List<string> _errors = [];
    private readonly List<string> _allowedFailedRequests = [];

    private DashboardPage(IBrowserContext context, IPage page)
    {
        _context = context;
        Page = page;
        page.Console += (_, message) =>
        {
            if (message.Type == "error") lock (_errors) _errors.Add($"console.error: {message.Text} ({message.Location})");
        };
        page.PageError += (_, error) =>
        {
            lock (_errors) _errors.Add($"page error: {error}");
        };
    }

    /// <summary>The Playwright page.</summary>
    public IPage Page { get; }

    /// <summary>Opens /wallboard{query} and waits until the live connection says 实时/live (subscribed and loaded).</summary>
    public static Task<DashboardPage> OpenAsync(HeadlessChromium chromium, RealtimeServer server, string query = "") =>
        OpenViewAsync(chromium, server, $"/wallboard{query}");

    /// <summary>
    /// Opens a view (e.g. "/agent?id=A1") in a viewport of the given size, lets <paramref name="prepare"/> set up
    /// the page first (routes, permissions), and waits until the view is live (subscribed and loaded).
    /// </summary>
    public static async Task<DashboardPage> OpenViewAsync(
        HeadlessChromium chromium, RealtimeServer server, string pathAndQuery, int width = 1920, int height = 1080, Func<IPage, Task>? prepare = null)
    {
        var context = await chromium.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = server.BaseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = width, Height = height },
        });
        var page = await context.NewPageAsync();
        var view = new DashboardPage(context, page);
        if (prepare is not null) await prepare(page);
        await page.GotoAsync(pathAndQuery);
        await view.ExpectLiveAsync();
        return view;
    }

    /// <summary>Saves a screenshot of the whole scrollable page to artifacts/screenshots/{name}.png.</summary>
    public async Task FullPageScreenshotAsync(string name)
    {
        Directory.CreateDirectory(TestEnvironment.ScreenshotDirectory);
        await Page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(TestEnvironment.ScreenshotDirectory, $"{name}.png"), FullPage = true });
    }

    /// <summary>The live-connection indicator.</summary>
    public ILocator LiveIndicator => Page.Locator("#live-indicator");

    /// <summary>The card of one complaint.</summary>
    public ILocator Card(string complaintId) => Page.Locator($".card[data-complaint-id=\"{complaintId}\"]");

    /// <summary>Every complaint card on the board.</summary>
    public ILocator Cards => Page.Locator("#board .card");

    /// <summary>The ticker of warnings, breaches and escalations.</summary>
    public ILocator Feed => Page.Locator("#feed");

    /// <summary>Waits until the indicator shows the connected state (in whatever language).</summary>
    public Task ExpectLiveAsync(float timeoutMs = 15_000) =>
        Expect(LiveIndicator).ToHaveAttributeAsync("data-state", "connected", new() { Timeout = timeoutMs });

    /// <summary>Saves a screenshot to artifacts/screenshots/{name}.png.</summary>
    public async Task ScreenshotAsync(string name)
    {
        Directory.CreateDirectory(TestEnvironment.ScreenshotDirectory);
        await Page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(TestEnvironment.ScreenshotDirectory, $"{name}.png") });
    }

    /// <summary>Asserts that header, board and ticker lie inside the 1920×1080 viewport: nothing scrolls or hides off-screen.</summary>
    public async Task AssertFitsScreenAsync()
    {
        var outside = await Page.EvaluateAsync<string[]>(
            """
            () => [...document.querySelectorAll('.wb-header > *, .wb-status > *, #board, #board .card, .wb-feed, #more:not([hidden])')]
              .filter(e => { const r = e.getBoundingClientRect(); return r.right > innerWidth + 0.5 || r.bottom > innerHeight + 0.5; })
              .map(e => (e.id || e.className) + ' ' + JSON.stringify(e.getBoundingClientRect()))
            """);
        Assert.True(outside.Length == 0, "Off-screen at 1920×1080: " + string.Join("; ", outside));
        var scrolls = await Page.EvaluateAsync<bool>(
            "() => document.documentElement.scrollHeight > innerHeight || document.documentElement.scrollWidth > innerWidth");
        Assert.False(scrolls, "The wall board scrolls at 1920×1080.");
    }

    /// <summary>
    /// Accepts the browser's own "Failed to load resource" console error for requests whose address contains
    /// <paramref name="pathFragment"/>: an answer the view expects and handles (e.g. 404 for endpoints not deployed).
    /// </summary>
    public void AllowFailedRequest(string pathFragment)
    {
        lock (_errors) _allowedFailedRequests.Add(pathFragment);
    }

    /// <summary>Asserts the page logged no console error (beyond allowed failed requests) and threw no uncaught error.</summary>
    public void AssertNoErrors()
    {
        lock (_errors)
        {
            var unexpected = _errors.Where(e => !(e.Contains("Failed to load resource", StringComparison.Ordinal)
                && _allowedFailedRequests.Any(fragment => e.Contains(fragment, StringComparison.Ordinal)))).ToList();
            Assert.True(unexpected.Count == 0, "The page reported errors:\n" + string.Join("\n", unexpected));
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync() => await _context.DisposeAsync();
}
