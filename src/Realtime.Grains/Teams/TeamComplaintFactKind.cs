using Realtime.Domain.Kpis;

namespace Realtime.Grains.Teams;

/// <summary>The kinds of <see cref="TeamComplaintFact"/>, one per <see cref="TeamActivity"/> complaint method.</summary>
public enum TeamComplaintFactKind
{
    /// <summary>Opened in this team.</summary>
    Opened,
    /// <summary>Its clocks paused (waiting on the customer).</summary>
    Paused,
    /// <summary>Its clocks resumed.</summary>
    Resumed,
    /// <summary>One of its clocks breached.</summary>
    Breached,
    /// <summary>Resolved, with whether it met 48 h and 7 days.</summary>
    Resolved,
    /// <summary>Reopened after a resolution.</summary>
    Reopened,
    /// <summary>Moved here from another team.</summary>
    TransferredIn,
    /// <summary>Moved to another team.</summary>
    TransferredOut,
    /// <summary>Its first response.</summary>
    FirstResponse,
}
