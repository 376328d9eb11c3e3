using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Realtime.Dashboards.Tests;

/// <summary>
/// "A demo that fills every figure" (issue 25): every page of the dashboards on the running demo, in Chinese and English,
/// shows no empty marker of the i18n files ("暂无数据" / "No data", "no open cases", "no explained breach" …) once the live
/// floor has run a little; a failure lists each page and element still empty.
/// </summary>
[Collection(DashboardCollection.Name)]
public sealed partial class DemoFiguresTests(HeadlessChromium chromium, DemoFloorServer server, ITestOutputHelper output) : IClassFixture<DemoFloorServer>
{
    /// <summary>How long the live demo may take to fill a page (its first live breach is explained within a minute or two of start; boards show the alerts so far at once).</summary>
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(2);

    [Fact]
    public async Task Every_page_of_the_demo_in_both_languages_shows_no_empty_figure()
    {
        // The last quarter, closed as a manager would, so its publication page has figures.
        // It is listed once the seeded history is in (polled: each answer is a round trip, not a fixed wait).
        string? closable = null;
        var seeding = DateTime.UtcNow + TimeSpan.FromMinutes(2);
        while (closable is null)
        {
            Assert.True(DateTime.UtcNow < seeding, "The demo listed no closable quarter within 2 minutes.\n" + server.Log);
            var quarters = await server.Http.GetFromJsonAsync<JsonElement>("/api/quarters");
            closable = quarters.EnumerateArray().Where(q => q.GetProperty("status").GetString() == "closable").Select(q => q.GetProperty("quarter").GetString()).FirstOrDefault();
        }

        (await server.Http.PostAsync($"/api/quarters/{closable}/close", null)).EnsureSuccessStatusCode();

        var markerKeys = MarkerKeys();
        // The manager view last: its breach-cause report waits for the first live breach to be explained (minutes in).
        string[] pages = ["/wallboard", "/wallboard?team=T1", "/agent?id=A101", $"/publication.html?quarter={closable}", "/signin", "/manager"];
        var empty = new List<string>();
        var atFirstLook = 0;
        foreach (var lang in new[] { "zh-CN", "en" })
        {
            foreach (var path in pages)
            {
                var url = path + (path.Contains('?', StringComparison.Ordinal) ? "&" : "?") + "lang=" + lang;
                await using var view = await DashboardPage.OpenViewAsync(chromium, server, url, waitForLive: false);
                await view.Page.WaitForLoadStateAsync(LoadState.NetworkIdle);
                if (!path.StartsWith("/publication", StringComparison.Ordinal) && path != "/signin") await view.ExpectLiveAsync();
                // The empty texts in the page's language, as its i18n module gives them.
                var markers = await view.Page.EvaluateAsync<string[]>(
                    "async (keys) => { const { t } = await import('/assets/js/i18n.js'); return [...new Set(keys.map((k) => t(k)).filter((x) => x))]; }", markerKeys);
                var windows = path == "/manager" ? new[] { "today", "7d", "qtd" } : [""];
                foreach (var window in windows)
                {
                    if (window.Length > 0)
                    {
                        // The breach-cause and ranking panels of each window.
                        await view.Page.Locator($"#breach-cause-windows button[data-window=\"{window}\"]").ClickAsync();
                        await view.Page.Locator($"#ranking-windows button[data-window=\"{window}\"]").ClickAsync();
                        await view.Page.WaitForLoadStateAsync(LoadState.NetworkIdle);
                    }

                    var where = window.Length > 0 ? $"{url} ({window})" : url;
                    var watched = System.Diagnostics.Stopwatch.StartNew();
                    var first = await view.Page.EvaluateAsync<string[]>(FindEmpty, markers);
                    atFirstLook += first.Length;
                    if (first.Length > 0) output.WriteLine($"{where} at first look: " + string.Join(" | ", first));
                    try
                    {
                        // The live floor fills what is still empty (the ticker's first alert, a fresh day's outcomes): the page is
                        // watched in the browser until nothing is, without a fixed wait.
                        await view.Page.WaitForFunctionAsync($"(markers) => ({FindEmpty})(markers).length === 0", markers,
                            new PageWaitForFunctionOptions { Timeout = (float)Patience.TotalMilliseconds, PollingInterval = 1000 });
                        if (first.Length > 0) output.WriteLine($"{where} filled {watched.Elapsed.TotalSeconds:F0} s later");
                    }
                    catch (TimeoutException)
                    {
                        empty.AddRange((await view.Page.EvaluateAsync<string[]>(FindEmpty, markers)).Select(e => $"{where}: {e}"));
                    }
                }
            }
        }

        output.WriteLine($"{atFirstLook} empty figures at first look");
        Assert.True(empty.Count == 0, $"{empty.Count} empty figures on the demo after {Patience.TotalMinutes} minutes of live floor:\n" + string.Join("\n", empty));
    }

    /// <summary>The i18n keys whose text says a figure or a list is empty ("暂无数据", "No open cases" …), read from zh-CN.js.</summary>
    private static string[] MarkerKeys()
    {
        var source = File.ReadAllText(Path.Combine(TestEnvironment.RepositoryRoot, "dashboards", "src", "assets", "js", "i18n", "zh-CN.js"));
        return [.. MarkerKey().Matches(source).Select(m => m.Groups[1].Value).Distinct()];
    }

    [GeneratedRegex(@"^\s*'([\w.]*(?:noData|Empty|\.empty|coversNone|missing|Missing))'\s*:", RegexOptions.Multiline)]
    private static partial Regex MarkerKey();

    /// <summary>
    /// Script: every visible element of the page whose own text holds one of the given empty texts, every list showing its
    /// CSS empty text, and every KPI tile marked as without data (synchronous, so the browser can poll it).
    /// </summary>
    private const string FindEmpty =
        """
            (markers) => {
              const describe = (e) => `${e.tagName.toLowerCase()}${e.id ? '#' + e.id : ''}${[...e.classList].map((c) => '.' + c).join('')}${e.closest('[id]') && e.closest('[id]') !== e ? ' in #' + e.closest('[id]').id : ''}`;
              const shown = (e) => {
                const style = getComputedStyle(e);
                const rect = e.getBoundingClientRect();
                return style.visibility !== 'hidden' && style.display !== 'none' && rect.width > 0 && rect.height > 0;
              };
              const found = [];
              for (const e of document.body.querySelectorAll('*')) {
                if (e.closest('script, style, template')) continue;
                const own = [...e.childNodes].filter((n) => n.nodeType === Node.TEXT_NODE).map((n) => n.textContent.trim()).join(' ');
                const marker = own && markers.find((m) => own.includes(m));
                if (marker && shown(e)) found.push(`${describe(e)} "${marker}"`);
                // Lists that show their empty text from CSS (content: attr(data-empty-text)) when they have no item.
                if (e.dataset.emptyText && e.children.length === 0 && shown(e)) found.push(`${describe(e)} "${e.dataset.emptyText}"`);
              }
              // KPI tiles without data, shown or waiting for their turn in the strip.
              for (const e of document.querySelectorAll('[data-status="noData"]')) found.push(`${describe(e)} [data-status=noData] "${(e.textContent ?? '').trim().slice(0, 40)}"`);
              return found;
            }
            """;
}
