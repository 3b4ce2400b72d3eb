using KbCore.Outcomes;

namespace KbServer.Api;

/// <summary>RFC 7807 answers shared by the API endpoints.</summary>
internal static class ApiProblems
{
    /// <summary>422 naming the field at fault, in <c>errors</c> and in <c>detail</c>.</summary>
    public static IResult Invalid(string field, string message) =>
        Results.ValidationProblem(new Dictionary<string, string[]> { [field] = [message] }, detail: message, statusCode: StatusCodes.Status422UnprocessableEntity);

    /// <summary>The one mapping from a service's refusal to the API's answer; its message is the <c>detail</c>.</summary>
    public static IResult From(Refusal refusal)
    {
        ArgumentNullException.ThrowIfNull(refusal);
        return refusal.Kind == RefusalKind.Invalid
            ? Invalid(refusal.Field ?? string.Empty, refusal.Message)
            : Results.Problem(statusCode: StatusOf(refusal.Kind), title: TitleOf(refusal.Kind), detail: refusal.Message);
    }

    public static int StatusOf(RefusalKind kind) => kind switch
    {
        RefusalKind.Forbidden => StatusCodes.Status403Forbidden,
        RefusalKind.NotFound => StatusCodes.Status404NotFound,
        RefusalKind.Conflict => StatusCodes.Status409Conflict,
        RefusalKind.Stale => StatusCodes.Status412PreconditionFailed,
        RefusalKind.Invalid => StatusCodes.Status422UnprocessableEntity,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    private static string TitleOf(RefusalKind kind) => kind switch
    {
        RefusalKind.Forbidden => "Not allowed",
        RefusalKind.NotFound => "Not found",
        RefusalKind.Stale => "Changed meanwhile",
        _ => "Not possible now",
    };
}
