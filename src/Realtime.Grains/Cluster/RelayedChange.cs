using Realtime.Grains.Complaints;

namespace Realtime.Grains.Cluster;

/// <summary>One thing a silo tells the others: a complaint's new board summary, or a live push (one of the two).</summary>
/// <param name="ComplaintId">The complaint whose summary changed (null for a push).</param>
/// <param name="Summary">Its new summary (null: no longer open).</param>
/// <param name="Push">A live push (null for a summary).</param>
public sealed record RelayedChange(string? ComplaintId, OpenComplaintSummary? Summary, RelayedPush? Push)
{
    /// <summary>A complaint's board summary changed.</summary>
    public static RelayedChange OfSummary(string complaintId, OpenComplaintSummary? summary) => new(complaintId, summary, null);

    /// <summary>A live push.</summary>
    public static RelayedChange OfPush(RelayedPush push) => new(null, null, push);
}
