using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Realtime.Server.Tests.Demo;

/// <summary>A logger provider that keeps every entry the server writes, for tests that assert what an operator would read.</summary>
public sealed class LogCapture : ILoggerProvider
{
    /// <summary>Every entry so far, in write order.</summary>
    public ConcurrentQueue<(LogLevel Level, string Category, string Message)> Entries { get; } = new();

    /// <inheritdoc />
    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    /// <inheritdoc />
    public void Dispose()
    {
    }

    private sealed class Logger(LogCapture owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            owner.Entries.Enqueue((logLevel, category, formatter(state, exception)));
    }
}
