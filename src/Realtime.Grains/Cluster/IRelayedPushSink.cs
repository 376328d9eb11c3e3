namespace Realtime.Grains.Cluster;

/// <summary>The host's live notifier as the cluster relay sees it: where pushes published on other silos are delivered.</summary>
public interface IRelayedPushSink
{
    /// <summary>Delivers <paramref name="push"/> to this server's connections that follow its scopes.</summary>
    void Deliver(RelayedPush push);
}
