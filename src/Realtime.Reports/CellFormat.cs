namespace Realtime.Reports;

/// <summary>How a report column's numbers are shown: the same value keeps its full precision, only its display changes.</summary>
public enum CellFormat
{
    /// <summary>Text as given.</summary>
    Text,
    /// <summary>A whole number (<c>0</c>): counts, ranks.</summary>
    Integer,
    /// <summary>One decimal (<c>0.0</c>): scores, seconds, the 1–10 satisfaction.</summary>
    OneDecimal,
    /// <summary>Two decimals (<c>0.00</c>): coefficients.</summary>
    TwoDecimals,
    /// <summary>
    /// A percent given on the 0–100 scale (the domain's convention: 95.5 means 95.5 %); the workbook stores it as the
    /// fraction 0.955 with the format <c>0.0%</c>, so Excel computes with it as a percent; CSV keeps 95.5.
    /// </summary>
    Percent,
    /// <summary>A local date (<see cref="DateOnly"/>), <c>yyyy-mm-dd</c>; stored as an Excel date serial so it sorts and filters as a date.</summary>
    Date,
}
