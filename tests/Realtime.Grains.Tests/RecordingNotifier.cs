using System.Threading.Channels;
using Realtime.Grains.Live;

namespace Realtime.Grains.Tests;

/// <summary>An <see cref="ILiveNotifier"/> that records every message (no coalescing: that is the real notifier's job).</summary>
public sealed class RecordingNotifier : ILiveNotifier
{
    private readonly Channel<LiveMessage> _arrivals = Channel.CreateUnbounded<LiveMessage>();
    private readonly List<LiveMessage> _all = [];

    /// <summary>Runs in the publishing grain's turn, at the moment of publishing (to observe what else is true then).</summary>
    public Action<LiveMessage>? OnPublish { get; set; }

    /// <inheritdoc />
    public void Publish(LiveMessage message)
    {
        OnPublish?.Invoke(message);
        lock (_all) _all.Add(message);
        _arrivals.Writer.TryWrite(message);
    }

    /// <summary>Every message so far.</summary>
    public IReadOnlyList<LiveMessage> All
    {
        get { lock (_all) return _all.ToArray(); }
    }

    /// <summary>Waits (up to 10 s) for the next message matching <paramref name="match"/>, skipping others.</summary>
    public async Task<LiveMessage> NextAsync(Func<LiveMessage, bool> match)
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (true)
        {
            var message = await _arrivals.Reader.ReadAsync(cts.Token);
            if (match(message)) return message;
        }
    }
}
