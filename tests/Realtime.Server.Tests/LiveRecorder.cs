using System.Text.Json;
using System.Threading.Channels;
using Microsoft.AspNetCore.SignalR.Client;

namespace Realtime.Server.Tests;

/// <summary>Records the live messages one hub connection receives.</summary>
public sealed class LiveRecorder : IAsyncDisposable
{
    private static readonly string[] Methods = ["slaWarning", "slaBreached", "escalated", "complaintChanged", "scoreChanged", "kpiChanged", "caseWarning", "caseBreached", "caseEscalated", "caseChanged", "caseKpiChanged"];
    private readonly Channel<(string Method, JsonElement Payload)> _received = Channel.CreateUnbounded<(string, JsonElement)>();

    /// <summary>Starts recording on <paramref name="connection"/>.</summary>
    public LiveRecorder(HubConnection connection)
    {
        Connection = connection;
        foreach (var method in Methods) connection.On<JsonElement>(method, payload => _received.Writer.TryWrite((method, payload)));
    }

    /// <summary>The hub connection.</summary>
    public HubConnection Connection { get; }

    /// <summary>Every message so far, in arrival order (drained by <see cref="NextAsync"/>).</summary>
    public List<(string Method, JsonElement Payload)> Seen { get; } = [];

    /// <summary>Waits up to <paramref name="timeout"/> (default 10 s) for the next <paramref name="method"/> message matching <paramref name="match"/>.</summary>
    public async Task<JsonElement> NextAsync(string method, Func<JsonElement, bool>? match = null, TimeSpan? timeout = null)
    {
        using var cts = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(10));
        try
        {
            while (true)
            {
                var (m, payload) = await _received.Reader.ReadAsync(cts.Token);
                Seen.Add((m, payload));
                if (m == method && (match is null || match(payload))) return payload;
            }
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"No '{method}' message arrived; seen: {string.Join(", ", Seen.Select(s => s.Method))}");
        }
    }

    /// <summary>Messages received so far without waiting.</summary>
    public List<(string Method, JsonElement Payload)> Drain()
    {
        while (_received.Reader.TryRead(out var item)) Seen.Add(item);
        return Seen;
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync() => await Connection.DisposeAsync();
}
