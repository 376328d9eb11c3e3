namespace Realtime.Domain.Kpis;

/// <summary>The length of one point of a KPI series: a local date, an ISO week (Monday to Sunday) or a calendar month.</summary>
public enum KpiPeriod
{
    /// <summary>One local date.</summary>
    Day,
    /// <summary>Monday to Sunday (ISO week), in the company zone.</summary>
    Week,
    /// <summary>A calendar month, in the company zone.</summary>
    Month,
}
