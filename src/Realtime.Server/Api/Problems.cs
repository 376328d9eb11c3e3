using Realtime.Server.Ingest;

namespace Realtime.Server.Api;

/// <summary>ProblemDetails answers (<c>application/problem+json</c>).</summary>
public static class Problems
{
    /// <summary>400 naming every bad event and field.</summary>
    public static IResult Invalid(IReadOnlyList<EventError> errors) => Results.Problem(
        title: "Invalid events",
        detail: $"{errors.Count} problem(s) found; nothing of the batch was applied.",
        statusCode: StatusCodes.Status400BadRequest,
        extensions: new Dictionary<string, object?>
        {
            ["errors"] = errors.Select(e => new { index = e.Index, field = e.Field, message = e.Message }).ToList(),
        });

    /// <summary>A problem answer with <paramref name="status"/>.</summary>
    public static IResult Status(int status, string title, string detail) => Results.Problem(title: title, detail: detail, statusCode: status);

    /// <summary>400 for one bad query or route parameter.</summary>
    public static IResult BadParameter(string field, string message) => Results.Problem(
        title: "Invalid request",
        detail: $"{field}: {message}",
        statusCode: StatusCodes.Status400BadRequest,
        extensions: new Dictionary<string, object?> { ["errors"] = new[] { new { index = -1, field, message } } });
}
