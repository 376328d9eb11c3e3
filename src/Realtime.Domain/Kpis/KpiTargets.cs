namespace Realtime.Domain.Kpis;

/// <summary>
/// Team and department KPI targets (configuration section <c>Kpis</c>); defaults from domain.md. A null target
/// means the KPI is tracked without a target (its <see cref="Kpi.Met"/> is null). Rates are percents (0–100).
/// </summary>
public sealed class KpiTargets
{
    /// <summary>The configuration section name.</summary>
    public const string SectionName = "Kpis";

    /// <summary>Minimum average satisfaction on the 1–10 survey scale (default 8; 0–100 scores are divided by 10).</summary>
    public double? SatisfactionAverage10 { get; set; } = 8;

    /// <summary>Minimum share of resolutions within 48 hours, percent (default 95).</summary>
    public double? ResolvedWithin48hRate { get; set; } = 95;

    /// <summary>Minimum 7-day quick-resolution rate, percent (default none: tracked).</summary>
    public double? QuickResolution7dRate { get; set; }

    /// <summary>Maximum average first response, seconds (default none: tracked; the per-complaint target is a clock).</summary>
    public double? AverageFirstResponseSeconds { get; set; }

    /// <summary>Minimum first-contact resolution rate, percent (default none: tracked).</summary>
    public double? FirstContactResolutionRate { get; set; }

    /// <summary>Minimum follow-up coverage in the quarter, percent (default 95).</summary>
    public double? FollowupCoverage { get; set; } = 95;

    /// <summary>Minimum share of follow-up records entered within 24 hours of the visit, percent (default 100).</summary>
    public double? FollowupRecordCompliance { get; set; } = 100;

    /// <summary>
    /// How often the floor re-aggregates its teams and pushes the department's KPIs (<c>kpiChanged</c> with
    /// <c>teamId: "floor"</c>) when they changed (default 1 s). Each refresh copies every team's history, so a floor of
    /// very many teams may want a longer interval.
    /// </summary>
    public TimeSpan FloorRefreshInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Every configuration error, each naming its key (e.g. <c>Kpis:FollowupCoverage</c>); empty when valid.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (FloorRefreshInterval < TimeSpan.FromMilliseconds(100) || FloorRefreshInterval > TimeSpan.FromHours(1))
        {
            errors.Add($"{SectionName}:{nameof(FloorRefreshInterval)}: must be between 00:00:00.1 and 01:00:00 (now {FloorRefreshInterval}).");
        }

        CheckRange(errors, nameof(SatisfactionAverage10), SatisfactionAverage10, 0, 10);
        CheckRange(errors, nameof(ResolvedWithin48hRate), ResolvedWithin48hRate, 0, 100);
        CheckRange(errors, nameof(QuickResolution7dRate), QuickResolution7dRate, 0, 100);
        CheckRange(errors, nameof(AverageFirstResponseSeconds), AverageFirstResponseSeconds, 0, double.MaxValue);
        CheckRange(errors, nameof(FirstContactResolutionRate), FirstContactResolutionRate, 0, 100);
        CheckRange(errors, nameof(FollowupCoverage), FollowupCoverage, 0, 100);
        CheckRange(errors, nameof(FollowupRecordCompliance), FollowupRecordCompliance, 0, 100);
        return errors;
    }

    private static void CheckRange(List<string> errors, string key, double? value, double min, double max)
    {
        if (value is { } v && (!double.IsFinite(v) || v < min || v > max))
        {
            var range = max == double.MaxValue ? $"at least {min}" : $"between {min} and {max}";
            errors.Add($"{SectionName}:{key}: must be {range} (now {v}).");
        }
    }
}
