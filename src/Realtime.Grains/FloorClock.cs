using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Realtime.Grains;

/// <summary>
/// The clock SLA deadlines, rolling windows and quarters run on: a <see cref="TimeProvider"/> keyed apart from the
/// silo's own clocks (as Orleans keys its clocks by area in <c>TimeProviderNames</c>), so a test can move it hours at
/// once while Orleans' membership, messaging and grain directory keep real time.
/// </summary>
public static class FloorClock
{
    /// <summary>The service key: inject with <c>[FromKeyedServices(FloorClock.Key)] TimeProvider</c>.</summary>
    public const string Key = "Realtime.Floor";

    /// <summary>Registers the floor clock as the unkeyed <see cref="TimeProvider"/> when there is one, else the system clock, unless a floor clock is registered already.</summary>
    public static IServiceCollection AddFloorClock(this IServiceCollection services)
    {
        services.TryAddKeyedSingleton<TimeProvider>(Key, static (sp, _) => sp.GetService<TimeProvider>() ?? TimeProvider.System);
        return services;
    }
}
