namespace Realtime.Testing;

/// <summary>Waits for a condition that another thread makes true, without sleeping a fixed time.</summary>
public static class Eventually
{
    /// <summary>How long a condition may take before the test fails.</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    /// <summary>Waits (yielding, never sleeping a fixed time) until <paramref name="condition"/> holds; fails after <see cref="Timeout"/>.</summary>
    public static async Task True(Func<bool> condition, string what)
    {
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (!condition())
        {
            if (waited.Elapsed > Timeout) throw new TimeoutException($"Gave up waiting for {what}.");
            await Task.Yield();
        }
    }

    /// <summary>Waits until the asynchronous <paramref name="condition"/> holds; fails after <see cref="Timeout"/>.</summary>
    public static async Task TrueAsync(Func<Task<bool>> condition, string what)
    {
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (!await condition())
        {
            if (waited.Elapsed > Timeout) throw new TimeoutException($"Gave up waiting for {what}.");
            await Task.Yield();
        }
    }
}
