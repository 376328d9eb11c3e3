namespace Realtime.Server.Auth;

/// <summary>Section <c>Audit</c>: how long the access audit keeps its entries.</summary>
public sealed class AuditOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Audit";

    /// <summary>Default of <see cref="Retention"/>: five years, as the follow-up policy keeps records (domain.md, Compliance).</summary>
    public static readonly TimeSpan DefaultRetention = TimeSpan.FromDays(5 * 365 + 1);

    /// <summary>Entries older than this are purged (once at start, then daily).</summary>
    public TimeSpan Retention { get; set; } = DefaultRetention;

    /// <summary>The rules of <c>Audit:*</c>.</summary>
    public IReadOnlyList<string> Validate() =>
        Retention < TimeSpan.FromDays(1) ? [$"Audit:Retention must be at least one day (was {Retention})"] : [];
}
