using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Realtime.Actors;
using Realtime.Actors.Storage;
using Realtime.Domain.Calendars;
using Realtime.Domain.Kpis;
using Realtime.Domain.Scorecards;
using Realtime.Grains.Agents;
using Realtime.Grains.Complaints;
using Realtime.Grains.Ingest;
using Realtime.Grains.Persistence;
using Realtime.Grains.Teams;

namespace Realtime.Grains;

/// <summary>Registration of the grains, the ingest pipeline and the checkpointer.</summary>
public static class GrainsServiceCollectionExtensions
{
    /// <summary>
    /// Adds the grains and their plumbing. Storage defaults to memory; a durable engine registers its
    /// <see cref="IEventJournal"/>, <see cref="ICheckpointStore"/>, <see cref="IDeadlineIndex"/> and <see cref="IGrainStorage"/> first.
    /// An <see cref="ILiveNotifier"/> must be registered by the host.
    /// </summary>
    public static IServiceCollection AddRealtimeGrains(this IServiceCollection services)
    {
        services.TryAddSingleton<IGrainStorage, InMemoryGrainStorage>();
        services.TryAddSingleton<IEventJournal, InMemoryEventJournal>();
        services.TryAddSingleton<InMemoryCheckpointStore>();
        services.TryAddSingleton<ICheckpointStore>(sp => sp.GetRequiredService<InMemoryCheckpointStore>());
        services.TryAddSingleton<IDeadlineIndex>(sp => sp.GetRequiredService<InMemoryCheckpointStore>());
        services.AddOptions<CheckpointOptions>();

        services.AddSingleton<OpenComplaintDirectory>();
        services.AddSingleton<FloorEventRouter>();
        services.AddSingleton<IngestPipeline>();
        services.AddSingleton<IAppliedWatermark>(sp => sp.GetRequiredService<IngestPipeline>());
        services.AddSingleton<StateCheckpointer>();
        services.AddSingleton<IStateCheckpointer>(sp => sp.GetRequiredService<StateCheckpointer>());

        services.AddFloorClock();
        services.AddGrainHost();
        // The host's timers and reminders run on the floor clock, not on whatever clock the silo keeps.
        services.AddSingleton(sp => ActivatorUtilities.CreateInstance<GrainHost>(sp, sp.GetRequiredKeyedService<TimeProvider>(FloorClock.Key)));
        services.AddGrain<IComplaintGrain, ComplaintGrain>("complaint");
        // The company calendar, rubric and KPI targets default to domain.md; a host registers configured ones first.
        services.TryAddSingleton(CompanyCalendar.Default);
        services.TryAddSingleton(Rubric.Default);
        services.TryAddSingleton(new KpiTargets());
        services.AddGrain<IAgentGrain, AgentGrain>("agent");
        services.AddGrain<ITeamGrain, TeamGrain>("team");
        services.AddGrain<IFloorGrain, FloorGrain>("floor");

        // Stop order is the reverse of this: grains leave memory first, then the last checkpoint, then ingest.
        services.AddHostedService(sp => sp.GetRequiredService<IngestPipeline>());
        services.AddHostedService(sp => sp.GetRequiredService<StateCheckpointer>());
        services.AddHostedService<GrainHostLifetime>();
        return services;
    }

    /// <summary>Deactivates every grain on shutdown so their last states are staged before the final checkpoint.</summary>
    private sealed class GrainHostLifetime(GrainHost host, ILogger<GrainHostLifetime> log) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        // Bounded by the host's shutdown timeout: a grain stuck in a turn must not keep the process from stopping
        // (anything it had not staged is replayed from the journal at the next start).
        public async Task StopAsync(CancellationToken cancellationToken)
        {
            try
            {
                await host.StopAsync().WaitAsync(cancellationToken);
            }
            catch (OperationCanceledException)
            {
                log.LogWarning("Grains did not all leave memory before the shutdown timeout; their unstaged events are replayed at the next start");
            }
        }
    }
}
