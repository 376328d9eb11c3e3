namespace Realtime.Actors.Hosting;

/// <summary>One message in an activation's mailbox; it runs as one turn.</summary>
internal abstract class WorkItem
{
    /// <summary>Whether running it keeps the activation from being collected as idle.</summary>
    public virtual bool CountsAsActivity => true;

    /// <summary>Whether it moves to the next activation when it is still queued as its activation leaves memory (calls do; ticks do not).</summary>
    public virtual bool OutlivesActivation => true;

    public abstract Task ExecuteAsync(Grain grain);

    /// <summary>Called instead of <see cref="ExecuteAsync"/> when the turn cannot run (activation failed or host stopped).</summary>
    public abstract void Fail(Exception error);
}

/// <summary>A call through a grain reference that returns <see cref="Task"/>.</summary>
internal sealed class CallWorkItem(Func<Grain, Task> call) : WorkItem
{
    private readonly TaskCompletionSource _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task Completion => _completion.Task;

    public override async Task ExecuteAsync(Grain grain)
    {
        try
        {
            await call(grain);
            _completion.TrySetResult();
        }
        catch (Exception e)
        {
            _completion.TrySetException(e);
            throw;
        }
    }

    public override void Fail(Exception error) => _completion.TrySetException(error);
}

/// <summary>A call through a grain reference that returns <see cref="Task{TResult}"/>.</summary>
internal sealed class CallWorkItem<TResult>(Func<Grain, Task<TResult>> call) : WorkItem
{
    private readonly TaskCompletionSource<TResult> _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task<TResult> Completion => _completion.Task;

    public override async Task ExecuteAsync(Grain grain)
    {
        try
        {
            _completion.TrySetResult(await call(grain));
        }
        catch (Exception e)
        {
            _completion.TrySetException(e);
            throw;
        }
    }

    public override void Fail(Exception error) => _completion.TrySetException(error);
}
