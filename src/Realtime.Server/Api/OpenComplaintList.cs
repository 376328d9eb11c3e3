namespace Realtime.Server.Api;

/// <summary>Open complaints, most urgent first, and how many are open in all.</summary>
public sealed record OpenComplaintList(IReadOnlyList<ComplaintResource> Items, int Total);
