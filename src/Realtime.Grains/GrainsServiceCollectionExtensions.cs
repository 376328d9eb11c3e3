using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Orleans.Runtime.Hosting;
using Orleans.Serialization;
using Realtime.Domain.Calendars;
using Realtime.Domain.Cases;
using Realtime.Domain.Clocks;
using Realtime.Domain.Kpis;
using Realtime.Domain.Scorecards;
using Realtime.Grains.Agents;
using Realtime.Grains.Cluster;
using Realtime.Grains.Complaints;
using Realtime.Grains.Deadlines;
using Realtime.Grains.Hosting;
using Realtime.Grains.Ingest;
using Realtime.Grains.Persistence;
using Realtime.Grains.Policies;
using Realtime.Grains.Serialization;
using Realtime.Grains.Teams;

namespace Realtime.Grains;

/// <summary>Registration of the grains, the ingest pipeline and the checkpointer.</summary>
public static class GrainsServiceCollectionExtensions
{
    /// <summary>
    /// Adds the grains and their plumbing. Storage defaults to memory; a durable engine registers its
    /// <see cref="IEventJournal"/>, <see cref="ICheckpointStore"/>, <see cref="IDeadlineIndex"/> and <see cref="IGrainStateStore"/> first.
    /// An <see cref="ILiveNotifier"/> must be registered by the host.
    /// </summary>
    public static IServiceCollection AddRealtimeGrains(this IServiceCollection services)
    {
        // First of the interface type providers, so Orleans asks it before working the answer out again (see the type).
        services.Insert(0, ServiceDescriptor.Singleton<IGrainInterfaceTypeProvider, CachedGrainInterfaceTypes>());
        services.TryAddSingleton<IGrainStateStore, InMemoryGrainStateStore>();
        services.TryAddSingleton<IEventJournal, InMemoryEventJournal>();
        services.TryAddSingleton<InMemoryCheckpointStore>();
        services.TryAddSingleton<ICheckpointStore>(sp => sp.GetRequiredService<InMemoryCheckpointStore>());
        services.TryAddSingleton<IDeadlineIndex>(sp => sp.GetRequiredService<InMemoryCheckpointStore>());
        services.AddOptions<CheckpointOptions>();

        services.AddSingleton<OpenComplaintDirectory>();
        services.AddSingleton<FloorEventRouter>();
        services.AddSingleton<IngestPipeline>();
        services.AddSingleton<IAppliedWatermark>(sp => sp.GetRequiredService<IngestPipeline>());
        services.AddSingleton<ICheckpointCoordinator, IngestCheckpointCoordinator>();
        services.AddSingleton<StateCheckpointer>();
        services.AddSingleton<IStateCheckpointer>(sp => sp.GetRequiredService<StateCheckpointer>());
        services.AddGrainStorage(CheckpointGrainStorage.ProviderName, static (sp, _) => ActivatorUtilities.CreateInstance<CheckpointGrainStorage>(sp));

        services.AddFloorClock();
        services.AddOptions<DeadlineOptions>().BindConfiguration(DeadlineOptions.SectionName);
        services.AddSingleton(sp => new TimerScheduler(sp.GetRequiredKeyedService<TimeProvider>(FloorClock.Key), sp.GetRequiredService<ILogger<TimerScheduler>>()));
        services.AddSingleton<DeadlineScheduler>();
        services.AddSingleton<DeadlineTakeoverGate>();
        services.AddSingleton<DeadlineTakeoverClient>();
        services.AddGrainService<DeadlineTakeoverService>();
        // Several silos: board summaries and pushes reach every silo (one sender per silo, in order).
        services.AddSingleton<ClusterRelayClient>();
        services.AddSingleton<ClusterFanOut>();
        services.AddGrainService<ClusterRelayService>();
        services.AddSerializer(serializer => serializer.AddRealtimeMessages());
        // The company calendar, rubric, KPI targets and case clocks default to domain.md; a host registers configured ones first.
        services.TryAddSingleton(CompanyCalendar.Default);
        services.TryAddSingleton(Rubric.Default);
        services.TryAddSingleton(new KpiTargets());
        services.TryAddSingleton(CasePolicy.Empty);
        // The policies the grains run under: the registered ones at start, then what the host publishes on a configuration reload.
        services.TryAddSingleton(sp => new PolicyCatalog(sp.GetService<SlaPolicy>() ?? SlaPolicy.Default, sp.GetRequiredService<CasePolicy>()));
        services.TryAddSingleton<PolicyRecalculator>();

        // Stop order is the reverse of this: the silo (registered after) deactivates every grain first, then the last checkpoint, then ingest.
        services.AddHostedService(sp => sp.GetRequiredService<IngestPipeline>());
        services.AddHostedService(sp => sp.GetRequiredService<StateCheckpointer>());
        return services;
    }
}
