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
    /// the page first (routes, permissions), and waits until the view is live (subscribed and loaded) unless
    /// <paramref name="waitForLive"/> is false.
    /// </summary>
    public static async Task<DashboardPage> OpenViewAsync(
        HeadlessChromium chromium, RealtimeServer server, string pathAndQuery, int width = 1920, int height = 1080, Func<IPage, Task>? prepare = null,
        bool waitForLive = true)
    {
        var context = await chromium.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = server.BaseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = width, Height = height },
        });
        // Signed in as the sign-in page leaves a user: the token in the session (a user with every role).
        await context.AddInitScriptAsync($"sessionStorage.setItem('realtime.accessToken', {System.Text.Json.JsonSerializer.Serialize(server.AccessToken)});");
        var page = await context.NewPageAsync();
        var view = new DashboardPage(context, page);
        if (prepare is not null) await prepare(page);
        await page.GotoAsync(pathAndQuery);
        if (waitForLive) await view.ExpectLiveAsync();
        return view;
    }

    /// <summary>
    /// Every text on the page (below <paramref name="rootSelector"/>) that users cannot read whole: wider than its box
    /// (<c>scrollWidth &gt; clientWidth</c>), clipped by a box that hides or scrolls overflow, off-screen when
    /// <paramref name="withinViewport"/>, or overlapping another text or chart. Each entry names the element and its text.
    /// </summary>
    public Task<string[]> FindUnreadableTextAsync(string rootSelector = "body", bool withinViewport = true) =>
        Page.EvaluateAsync<string[]>(
            """
            ([rootSelector, withinViewport]) => {
              const problems = [];
              const describe = (e) => `${e.tagName.toLowerCase()}${e.id ? '#' + e.id : ''}.${[...e.classList].join('.')} "${(e.textContent ?? '').trim().slice(0, 40)}"`;
              const shown = (e) => {
                const style = getComputedStyle(e);
                const rect = e.getBoundingClientRect();
                return style.visibility !== 'hidden' && style.display !== 'none' && rect.width > 0 && rect.height > 0;
              };
              const ownText = (e) => [...e.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && n.textContent.trim());
              const clipper = (e) => {
                for (let a = e.parentElement; a && a !== document.documentElement; a = a.parentElement) {
                  const style = getComputedStyle(a);
                  if (style.overflowX !== 'visible' || style.overflowY !== 'visible') return a;
                }
                return null;
              };
              const root = document.querySelector(rootSelector);
              const texts = [...root.querySelectorAll('*')].filter((e) => !e.closest('svg') && ownText(e) && shown(e));
              const items = [];
              for (const e of texts) {
                const style = getComputedStyle(e);
                if (style.display !== 'inline' && e.scrollWidth > e.clientWidth + 1) problems.push(`${describe(e)}: scrollWidth ${e.scrollWidth} > clientWidth ${e.clientWidth}`);
                const range = document.createRange();
                range.selectNodeContents(e);
                const lines = [...range.getClientRects()].filter((r) => r.width > 0.5 && r.height > 0.5);
                for (let a = clipper(e); a; a = clipper(a)) {
                  const box = a.getBoundingClientRect();
                  if (lines.some((r) => r.left < box.left - 1 || r.right > box.right + 1 || r.top < box.top - 1 || r.bottom > box.bottom + 1)) {
                    problems.push(`${describe(e)}: cut by ${describe(a)}`);
                    break;
                  }
                }
                if (withinViewport && lines.some((r) => r.right > innerWidth + 1 || r.bottom > innerHeight + 1)) problems.push(`${describe(e)}: off-screen`);
                items.push({ e, lines });
              }
              for (const svg of root.querySelectorAll('svg')) {
                if (!shown(svg)) continue;
                const rect = svg.getBoundingClientRect();
                const cell = svg.parentElement.getBoundingClientRect();
                if (rect.left < cell.left - 1 || rect.right > cell.right + 1 || rect.top < cell.top - 1 || rect.bottom > cell.bottom + 1) problems.push(`${describe(svg)}: outside ${describe(svg.parentElement)}`);
                items.push({ e: svg, lines: [rect] });
              }
              const overlaps = (a, b) => Math.min(a.right, b.right) - Math.max(a.left, b.left) > 2 && Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top) > 2;
              for (let i = 0; i < items.length; i++) {
                for (let j = i + 1; j < items.length; j++) {
                  const a = items[i], b = items[j];
                  if (a.e.contains(b.e) || b.e.contains(a.e)) continue;
                  if (a.lines.some((r) => b.lines.some((q) => overlaps(r, q)))) problems.push(`${describe(a.e)} overlaps ${describe(b.e)}`);
                }
              }
              return problems;
            }
            """,
            new object[] { rootSelector, withinViewport });

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

    /// <summary>The card of one case (a claim, a follow-up …) shown beside the complaints.</summary>
    public ILocator CaseCard(string caseId) => Page.Locator($".card[data-case-id=\"{caseId}\"]");

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
