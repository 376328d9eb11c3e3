using System.Collections.Concurrent;
using Realtime.Grains.Agents;

namespace Realtime.Grains.Teams;

/// <summary>
/// Carries the facts complaint grains tell agent and team grains, one call per receiver at a time: facts that arrive
/// while a receiver's call is in flight go together in its next call. A busy floor's team then takes one call for many
/// complaints instead of one each (every grain call is an Orleans message, the larger part of an event's cost), and an
/// idle one is told at once. Each teller still awaits the call that carried its facts, and a receiver gets them in the
/// order they were told.
/// </summary>
public sealed class ComplaintFactOutbox(IGrainFactory grains)
{
    private readonly ConcurrentDictionary<string, Outbox<TeamComplaintFact>> _teams = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Outbox<AgentComplaintFact>> _agents = new(StringComparer.Ordinal);

    /// <summary>Tells <paramref name="team"/> <paramref name="facts"/>; completes when the call that carried them has.</summary>
    public Task TellTeamAsync(string team, IReadOnlyList<TeamComplaintFact> facts) =>
        _teams.GetOrAdd(team, id => new Outbox<TeamComplaintFact>(batch => grains.GetGrain<ITeamGrain>(id).RecordComplaintFactsAsync(batch))).Add(facts);

    /// <summary>Tells <paramref name="agent"/> <paramref name="facts"/>; completes when the call that carried them has.</summary>
    public Task TellAgentAsync(string agent, IReadOnlyList<AgentComplaintFact> facts) =>
        _agents.GetOrAdd(agent, id => new Outbox<AgentComplaintFact>(batch => grains.GetGrain<IAgentGrain>(id).RecordComplaintFactsAsync(batch))).Add(facts);

    /// <summary>One receiver's facts waiting for its next call, and whether a call is in flight.</summary>
    private sealed class Outbox<T>(Func<IReadOnlyList<T>, Task> send)
    {
        private readonly Lock _gate = new();
        private List<T>? _waiting;
        private TaskCompletionSource? _waitingSent;
        private bool _sending;

        public Task Add(IReadOnlyList<T> facts)
        {
            lock (_gate)
            {
                if (_waiting is null)
                {
                    _waiting = new List<T>(facts.Count);
                    _waitingSent = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                }
                _waiting.AddRange(facts);
                var sent = _waitingSent!.Task;
                if (!_sending)
                {
                    _sending = true;
                    // From the thread pool, not the first teller's turn: the tellers of this moment add theirs meanwhile.
                    _ = Task.Run(SendAsync);
                }
                return sent;
            }
        }

        private async Task SendAsync()
        {
            while (true)
            {
                List<T> batch;
                TaskCompletionSource sent;
                lock (_gate)
                {
                    if (_waiting is null)
                    {
                        _sending = false;
                        return;
                    }
                    batch = _waiting;
                    sent = _waitingSent!;
                    _waiting = null;
                    _waitingSent = null;
                }
                try
                {
                    await send(batch).ConfigureAwait(false);
                    sent.TrySetResult();
                }
                catch (Exception e)
                {
                    sent.TrySetException(e);
                }
            }
        }
    }
}
