using Microsoft.Extensions.Logging;

namespace Realtime.Actors.Hosting;

/// <summary>The host's log messages (source-generated).</summary>
internal static partial class ActorsLog
{
    [LoggerMessage(1, LogLevel.Error, "A turn of {Grain} failed")]
    public static partial void TurnFailed(this ILogger logger, Exception error, GrainId grain);

    [LoggerMessage(2, LogLevel.Error, "Activation of {Grain} failed")]
    public static partial void ActivationFailed(this ILogger logger, Exception error, GrainId grain);

    [LoggerMessage(3, LogLevel.Error, "Deactivation of {Grain} failed")]
    public static partial void DeactivationFailed(this ILogger logger, Exception error, GrainId grain);

    [LoggerMessage(4, LogLevel.Error, "A timer callback failed")]
    public static partial void TimerCallbackFailed(this ILogger logger, Exception error);

    [LoggerMessage(5, LogLevel.Debug, "Collected {Count} idle activations")]
    public static partial void Collected(this ILogger logger, int count);
}
