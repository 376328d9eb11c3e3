using Microsoft.Playwright;

namespace Realtime.Dashboards.Tests;

/// <summary>
/// The system's Chromium (Debian package) driven by Playwright, shared by every test in the
/// collection. Playwright's driver ships with the NuGet package; its browser download is never used.
/// </summary>
public sealed class HeadlessChromium : IAsyncLifetime
{
    private static readonly string[] Flags =
    [
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
    ];

    private IPlaywright? _playwright;

    /// <summary>The running browser.</summary>
    public IBrowser Browser { get; private set; } = null!;

    /// <inheritdoc />
    public async Task InitializeAsync()
    {
        if (!File.Exists(TestEnvironment.ChromiumPath))
        {
            throw new InvalidOperationException(
                $"Chromium is missing at {TestEnvironment.ChromiumPath}. Install it (with CJK fonts for the Chinese labels): " +
                "`apt-get install -y chromium fonts-noto-cjk`. Do not use `playwright install`; the tests run the system browser.");
        }

        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = TestEnvironment.ChromiumPath,
            Headless = true,
            Args = Flags,
        });
    }

    /// <inheritdoc />
    public async Task DisposeAsync()
    {
        if (Browser is not null) await Browser.DisposeAsync();
        _playwright?.Dispose();
    }
}
