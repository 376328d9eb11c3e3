using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Realtime.Server.Tests.Demo;

namespace Realtime.Server.Tests;

/// <summary>An invalid <c>Sla</c> reload is refused with one error naming the key and the value; the policies in force stay, and the server runs on.</summary>
public sealed class PolicyReloadTests
{
    [Theory]
    [InlineData("Sla:Clocks:resolution:Target", "-01:00:00", "Sla:Clocks:resolution:Target must be positive (was -01:00:00)", "1.00:00:00")]
    [InlineData("Sla:Escalation:Delays:0", "-00:30:00", "Sla:Escalation:Delays [-00:30:00]: must not be negative", "00:00:00")]
    [InlineData("Sla:Clocks:surveyAcceptance:When", "amount <", "Sla:Clocks:surveyAcceptance:When 'amount <'", "amount > 0")]
    [InlineData("Sla:Clocks:resolution:Target", "two days", "Sla:Clocks:resolution could not be read: Failed to convert configuration value 'two days' at 'Sla:Clocks:resolution:Target'", "1.00:00:00")]
    public async Task An_invalid_reload_keeps_the_policies_in_force_and_logs_one_error_naming_the_key_and_value(string key, string value, string named, string valid)
    {
        var logs = new LogCapture();
        await using var app = new RealtimeApp();
        await using var server = app.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton<ILoggerProvider>(logs)));
        var client = server.CreateClient();
        var before = await client.GetStringAsync("/api/policies");
        var configuration = (IConfigurationRoot)server.Services.GetRequiredService<IConfiguration>();

        configuration[key] = value;
        configuration.Reload();

        Assert.Equal(before, await client.GetStringAsync("/api/policies"));
        var error = Assert.Single(logs.Entries, e => e.Level >= LogLevel.Error);
        Assert.Contains("Clock policies not reloaded, the policies in force stay", error.Message, StringComparison.Ordinal);
        Assert.Contains("Invalid Sla configuration", error.Message, StringComparison.Ordinal);
        Assert.Contains(named, error.Message, StringComparison.Ordinal);
        Assert.Contains(key.Split(':')[^1], error.Message, StringComparison.Ordinal);

        // New complaints still run under the policies in force: the 48-hour resolution clock.
        var now = app.Time.GetUtcNow();
        await app.PostEventsAsync(new[] { Events.Opened("c-after-bad-reload", now) }, client);
        var complaint = await client.GetFromJsonAsync<JsonElement>("/api/complaints/c-after-bad-reload");
        var resolution = complaint.GetProperty("clocks").EnumerateArray().Single(c => c.GetProperty("name").GetString() == "resolution");
        Assert.Equal(now.AddHours(48), resolution.GetProperty("dueAt").GetDateTimeOffset());

        // A valid edit after it is taken as usual.
        configuration[key] = valid;
        configuration["Sla:Clocks:resolution:Target"] = "1.00:00:00";
        configuration.Reload();
        Assert.NotEqual(before, await client.GetStringAsync("/api/policies"));
        Assert.Single(logs.Entries, e => e.Level >= LogLevel.Error);
    }
}
