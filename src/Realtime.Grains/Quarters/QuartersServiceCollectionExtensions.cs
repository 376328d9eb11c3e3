using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Realtime.Domain.Calendars;
using Realtime.Domain.Quarters;
using Realtime.Grains.Persistence;

namespace Realtime.Grains.Quarters;

/// <summary>Registration of quarter close.</summary>
public static class QuartersServiceCollectionExtensions
{
    /// <summary>
    /// Adds <see cref="QuarterCloser"/>, with <see cref="BonusTable.Default"/> unless a host registered a configured table first. Call after <c>AddRealtimeGrains</c>. Without a durable
    /// <see cref="IQuarterSnapshotStore"/> registered before, snapshots are kept in memory and the in-memory journal is wrapped
    /// to count late events.
    /// </summary>
    public static IServiceCollection AddQuarters(this IServiceCollection services)
    {
        services.TryAddSingleton(BonusTable.Default);
        if (!services.Any(d => d.ServiceType == typeof(IQuarterSnapshotStore)))
        {
            services.AddSingleton(sp => new InMemoryQuarterLedger(sp.GetRequiredService<CompanyCalendar>()));
            services.AddSingleton<IQuarterSnapshotStore, InMemoryQuarterSnapshotStore>();
            var journal = services.LastOrDefault(d => d.ServiceType == typeof(IEventJournal));
            if (journal?.ImplementationType == typeof(InMemoryEventJournal))
            {
                services.Remove(journal);
                services.AddSingleton<InMemoryEventJournal>();
                services.AddSingleton<IEventJournal>(sp => new LateEventCountingJournal(sp.GetRequiredService<InMemoryEventJournal>(), sp.GetRequiredService<InMemoryQuarterLedger>()));
            }
        }

        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<QuarterCloser>();
        return services;
    }
}
