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

/// <summary>A call through a grain reference that returns <see cref="Task"/>; it is also the completion the caller awaits.</summary>
internal sealed class CallWorkItem(Func<Grain, object?[]?, Task> invoke, object?[]? args) : WorkItem
{
    private readonly TaskCompletionSource _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task Task => _completion.Task;

    public override Task ExecuteAsync(Grain grain)
    {
        Task call;
        try
        {
            call = invoke(grain, args);
        }
        catch (Exception e)
        {
            _completion.TrySetException(e);
            throw;
        }
        if (call.IsCompletedSuccessfully)
        {
            _completion.TrySetResult();
            return System.Threading.Tasks.Task.CompletedTask;
        }
        return AwaitAsync(call);
    }

    private async Task AwaitAsync(Task call)
    {
        try
        {
            await call;
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
internal sealed class CallWorkItem<TResult>(Func<Grain, object?[]?, Task<TResult>> invoke, object?[]? args) : WorkItem
{
    private readonly TaskCompletionSource<TResult> _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task<TResult> Task => _completion.Task;

    public override Task ExecuteAsync(Grain grain)
    {
        Task<TResult> call;
        try
        {
            call = invoke(grain, args);
        }
        catch (Exception e)
        {
            _completion.TrySetException(e);
            throw;
        }
        if (call.IsCompletedSuccessfully)
        {
            _completion.TrySetResult(call.Result);
            return System.Threading.Tasks.Task.CompletedTask;
        }
        return AwaitAsync(call);
    }

    private async Task AwaitAsync(Task<TResult> call)
    {
        try
        {
            _completion.TrySetResult(await call);
        }
        catch (Exception e)
        {
            _completion.TrySetException(e);
            throw;
        }
    }

    public override void Fail(Exception error) => _completion.TrySetException(error);
}
