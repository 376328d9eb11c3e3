using Realtime.Actors.Persistence;
using Realtime.Actors.Reminders;
using Realtime.Actors.Timers;

namespace Realtime.Actors.Tests;

/// <summary>Test grain whose turns (calls and ticks) detect overlap and record per-sender order.</summary>
public interface ITurnGrain : IGrainWithStringKey
{
    Task Enter();
    Task Append(int sender, int sequence);
    Task<int[]> SequenceOf(int sender);
    Task<int> Overlaps();
    Task<int> Turns();
    Task<bool> SawCallBeforeActivation();
    Task StartTicking(TimeSpan period);
    Task<int> Ticks();
    Task FailAfterYield(string message);
    Task<int> FailSynchronously(string message);
}

/// <summary>Counts turns that overlap: every turn (call or tick) yields while it holds the "in turn" flag.</summary>
internal sealed class TurnGrain(GrainJournal journal) : Grain, ITurnGrain
{
    private readonly Dictionary<int, List<int>> _sequences = [];
    private bool _inTurn;
    private bool _activated;
    private bool _callBeforeActivation;
    private int _overlaps;
    private int _turns;
    private int _ticks;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        await Task.Yield();
        _activated = true;
        journal.Record($"activate:{GrainId}");
    }

    public Task Enter() => Turn(() => _turns++);

    public Task Append(int sender, int sequence) => Turn(() =>
    {
        if (!_sequences.TryGetValue(sender, out var list)) _sequences[sender] = list = [];
        list.Add(sequence);
    });

    public Task<int[]> SequenceOf(int sender) => Task.FromResult(_sequences.TryGetValue(sender, out var list) ? list.ToArray() : []);

    public Task<int> Overlaps() => Task.FromResult(_overlaps);

    public Task<int> Turns() => Task.FromResult(_turns);

    public Task<bool> SawCallBeforeActivation() => Task.FromResult(_callBeforeActivation);

    public Task StartTicking(TimeSpan period)
    {
        RegisterGrainTimer(_ => Turn(() => _ticks++), new GrainTimerCreationOptions { DueTime = period, Period = period });
        return Task.CompletedTask;
    }

    public Task<int> Ticks() => Task.FromResult(_ticks);

    public async Task FailAfterYield(string message)
    {
        await Task.Yield();
        throw new InvalidOperationException(message);
    }

    public Task<int> FailSynchronously(string message) => throw new ArgumentException(message);

    private async Task Turn(Action body)
    {
        if (!_activated) _callBeforeActivation = true;
        if (_inTurn) Interlocked.Increment(ref _overlaps);
        _inTurn = true;
        await Task.Yield();
        body();
        await Task.Yield();
        _inTurn = false;
    }
}

/// <summary>Test grain with named timers whose ticks it records.</summary>
public interface ITimerGrain : IGrainWithStringKey
{
    Task Start(string name, TimeSpan dueTime, TimeSpan period, bool keepAlive = false);
    Task StartGated(string name, TimeSpan dueTime, TimeSpan period);
    Task Stop(string name);
    Task Change(string name, TimeSpan dueTime, TimeSpan period);
    Task WaitForGateThenStop(string gate, string name);
    Task<string[]> Ticks();
    Task<DateTimeOffset[]> TickTimes(string name);
    Task Deactivate();
}

/// <summary>Records every tick of its named timers, with the clock reading at the tick.</summary>
internal sealed class TimerGrain(GrainJournal journal, GrainControls controls) : Grain, ITimerGrain
{
    private readonly Dictionary<string, IGrainTimer> _timers = [];
    private readonly List<(string Name, DateTimeOffset At)> _ticks = [];

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        journal.Record($"activate:{GrainId}");
        return Task.CompletedTask;
    }

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        journal.Record($"deactivate:{GrainId}:{reason}");
        return Task.CompletedTask;
    }

    public Task Start(string name, TimeSpan dueTime, TimeSpan period, bool keepAlive = false)
    {
        _timers[name] = RegisterGrainTimer(_ =>
        {
            _ticks.Add((name, Time.GetUtcNow()));
            journal.Record($"tick:{GrainId}:{name}");
            return Task.CompletedTask;
        }, new GrainTimerCreationOptions { DueTime = dueTime, Period = period, KeepAlive = keepAlive });
        return Task.CompletedTask;
    }

    public Task StartGated(string name, TimeSpan dueTime, TimeSpan period)
    {
        _timers[name] = RegisterGrainTimer(async _ =>
        {
            _ticks.Add((name, Time.GetUtcNow()));
            var tick = _ticks.Count(t => t.Name == name);
            journal.Record($"tick-start:{name}:{tick}");
            await controls.Gate($"{name}:{tick}");
            journal.Record($"tick-end:{name}:{tick}");
        }, new GrainTimerCreationOptions { DueTime = dueTime, Period = period });
        return Task.CompletedTask;
    }

    public Task Stop(string name)
    {
        _timers[name].Dispose();
        return Task.CompletedTask;
    }

    public Task Change(string name, TimeSpan dueTime, TimeSpan period)
    {
        _timers[name].Change(dueTime, period);
        return Task.CompletedTask;
    }

    public async Task WaitForGateThenStop(string gate, string name)
    {
        journal.Record($"holding:{gate}");
        await controls.Gate(gate);
        _timers[name].Dispose();
    }

    public Task<string[]> Ticks() => Task.FromResult(_ticks.Select(t => t.Name).ToArray());

    public Task<DateTimeOffset[]> TickTimes(string name) => Task.FromResult(_ticks.Where(t => t.Name == name).Select(t => t.At).ToArray());

    public Task Deactivate()
    {
        DeactivateOnIdle();
        return Task.CompletedTask;
    }
}

/// <summary>Test grain woken by reminders.</summary>
public interface IReminderGrain : IRemindable
{
    Task Ping();
}

internal sealed class ReminderGrain(GrainJournal journal) : Grain, IReminderGrain
{
    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        journal.Record($"activate:{GrainId}");
        return Task.CompletedTask;
    }

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        journal.Record($"deactivate:{GrainId}:{reason}");
        return Task.CompletedTask;
    }

    public Task ReceiveReminderAsync(DateTimeOffset dueAt)
    {
        journal.Record($"reminded:{GrainId}:{dueAt:O}@{Time.GetUtcNow():O}");
        return Task.CompletedTask;
    }

    public Task Ping() => Task.CompletedTask;
}

/// <summary>Persisted state of <see cref="ICounterGrain"/>.</summary>
public sealed class CounterState
{
    public int Value { get; set; }

    public List<int> Log { get; set; } = [];
}

/// <summary>Test grain with persistent state written when it leaves memory.</summary>
public interface ICounterGrain : IGrainWithStringKey
{
    Task Add(int amount);
    Task<int> Get();
    Task Append(int value);
    Task<int[]> Log();
    Task Deactivate();
}

/// <summary>A counter that loads its state on activation and writes it only when it leaves memory.</summary>
internal sealed class CounterGrain(GrainJournal journal, IPersistentStateFactory states) : Grain, ICounterGrain
{
    private IPersistentState<CounterState> _state = null!;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _state = states.Create<CounterState>(GrainId);
        await _state.ReadStateAsync(cancellationToken);
        journal.Record($"activate:{GrainId}");
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        await _state.WriteStateAsync(cancellationToken);
        journal.Record($"deactivate:{GrainId}:{reason}");
    }

    public async Task Add(int amount)
    {
        var before = _state.State.Value;
        await Task.Yield();
        _state.State.Value = before + amount;
    }

    public Task<int> Get() => Task.FromResult(_state.State.Value);

    public Task Append(int value)
    {
        _state.State.Log.Add(value);
        return Task.CompletedTask;
    }

    public Task<int[]> Log() => Task.FromResult(_state.State.Log.ToArray());

    public Task Deactivate()
    {
        DeactivateOnIdle();
        return Task.CompletedTask;
    }
}

/// <summary>Test grain whose activation fails as often as the test says.</summary>
public interface IFlakyGrain : IGrainWithStringKey
{
    Task<int> Ping();
}

internal sealed class FlakyGrain(GrainJournal journal, GrainControls controls) : Grain, IFlakyGrain
{
    private int _pings;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (controls.ShouldFailActivation()) throw new InvalidOperationException("database unavailable");
        journal.Record($"activate:{GrainId}");
        return Task.CompletedTask;
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        journal.Record($"deactivate:{GrainId}:{reason}");
        if (controls.HoldDeactivation) await controls.Gate($"deactivation:{GrainId}");
        if (controls.FailDeactivation) throw new InvalidOperationException("flush failed");
    }

    public Task<int> Ping() => Task.FromResult(++_pings);
}
