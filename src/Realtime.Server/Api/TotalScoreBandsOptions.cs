using Realtime.Domain.Scorecards;

namespace Realtime.Server.Api;

/// <summary>
/// The configuration section <c>TotalScoreBands</c> (<c>TotalScoreBands:Excellent</c>, <c>:Good</c>, <c>:Pass</c>): each edge
/// optional, percent points 0–100; an edge not set follows the rubric's satisfaction edges (see <see cref="TotalScoreBands"/>).
/// </summary>
public sealed class TotalScoreBandsOptions
{
    /// <summary>The configuration section name.</summary>
    public const string SectionName = TotalScoreBands.SectionName;

    /// <summary>A total at or above it is excellent; null follows the rubric.</summary>
    public double? Excellent { get; set; }

    /// <summary>A total at or above it (below excellent) is good; null follows the rubric.</summary>
    public double? Good { get; set; }

    /// <summary>A total at or above it (below good) passes; null follows the rubric.</summary>
    public double? Pass { get; set; }

    /// <summary>Every problem, naming its key and the value judged; empty when the edges, completed from <paramref name="rubric"/>, are usable.</summary>
    public IReadOnlyList<string> Validate(Rubric rubric)
    {
        var errors = new List<string>();
        foreach (var (key, value) in new[] { (nameof(Excellent), Excellent), (nameof(Good), Good), (nameof(Pass), Pass) })
        {
            if (value is { } v && !(double.IsFinite(v) && v is >= 0 and <= 100))
                errors.Add($"{SectionName}:{key}: must be a number from 0 to 100 (now {v}).");
        }

        var bands = TotalScoreBands.From(this, rubric);
        if (errors.Count == 0 && !(bands.Excellent >= bands.Good && bands.Good >= bands.Pass))
            errors.Add($"{SectionName}: edges must satisfy Excellent ≥ Good ≥ Pass (now {bands.Excellent} / {bands.Good} / {bands.Pass}).");
        return errors;
    }
}
