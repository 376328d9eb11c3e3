namespace Realtime.Server.Live;

/// <summary>The kinds of <see cref="LiveTake"/>.</summary>
public enum LiveTakeKind
{
    /// <summary>Send the messages taken.</summary>
    Send,
    /// <summary>Tell the client it fell behind.</summary>
    Resync,
    /// <summary>Nothing to send yet.</summary>
    Wait,
    /// <summary>The connection is gone.</summary>
    Closed,
}
