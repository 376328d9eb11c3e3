using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Realtime.Grains.Complaints;

namespace Realtime.Grains.Cluster;

/// <summary>
/// The silo's <see cref="IClusterRelay"/>: puts other silos' complaint summaries in this silo's directory and hands their
/// pushes to this server's connections. Starting it starts this silo's <see cref="ClusterFanOut"/>.
/// </summary>
internal sealed class ClusterRelayService(
    GrainId id, Silo silo, ILoggerFactory loggers, OpenComplaintDirectory directory, ClusterFanOut fanOut, IServiceProvider services)
    : GrainService(id, silo, loggers), IClusterRelay
{
    private readonly IRelayedPushSink? _sink = services.GetService<IRelayedPushSink>();

    public override async Task Start()
    {
        await base.Start();
        fanOut.Start();
    }

    public override async Task Stop()
    {
        await fanOut.StopAsync();
        await base.Stop();
    }

    public Task DeliverAsync(IReadOnlyList<RelayedChange> changes)
    {
        foreach (var change in changes)
        {
            if (change.ComplaintId is { } complaint) directory.UpdateLocal(complaint, change.Summary);
            if (change.Push is { } push) _sink?.Deliver(push);
        }
        return Task.CompletedTask;
    }
}
