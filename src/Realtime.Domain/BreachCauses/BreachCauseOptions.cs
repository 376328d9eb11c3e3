namespace Realtime.Domain.BreachCauses;

/// <summary>
/// The configuration section <c>BreachCauses</c>: the reason codes a breach may be explained with
/// (<c>BreachCauses:Reasons</c>). The default list lives here in code, so a configured list replaces it whole.
/// </summary>
public sealed class BreachCauseOptions
{
    /// <summary>The configuration section name.</summary>
    public const string SectionName = "BreachCauses";

    /// <summary>The reason code that needs a text saying what happened.</summary>
    public const string Other = "other";

    /// <summary>
    /// The reasons when none are configured: customer unreachable, waiting on a third party, awaiting documents, workload,
    /// system fault, handling error, other (with a text).
    /// </summary>
    public static IReadOnlyList<string> DefaultReasons { get; } =
        ["customerUnreachable", "waitingOnThirdParty", "awaitingDocuments", "workload", "systemFault", "handlingError", Other];

    /// <summary>The reason codes; null (the key absent) keeps <see cref="DefaultReasons"/>.</summary>
    public string[]? Reasons { get; set; }

    /// <summary>The reasons in force.</summary>
    public IReadOnlyList<string> EffectiveReasons => Reasons ?? [.. DefaultReasons];

    /// <summary>Every problem, naming the key and showing the list judged; empty when usable.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        var reasons = EffectiveReasons;
        var judged = $"{SectionName}:Reasons [{string.Join(", ", reasons)}]";
        if (reasons.Count == 0)
            errors.Add($"{judged}: must list at least one reason code");
        for (var i = 0; i < reasons.Count; i++)
        {
            var code = reasons[i] ?? "";
            if (code.Length is 0 or > 64 || !code.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-'))
                errors.Add($"{judged}: {SectionName}:Reasons:{i} '{code}' must be 1 to 64 letters, digits, '_' or '-'");
        }
        if (reasons.GroupBy(r => r, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1) is { } repeated)
            errors.Add($"{judged}: must not repeat a reason ('{repeated.Key}' is listed {repeated.Count()} times)");
        return errors;
    }
}
