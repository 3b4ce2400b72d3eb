namespace KbServer.Api;

/// <summary>RFC 7807 answers shared by the API endpoints.</summary>
internal static class ApiProblems
{
    /// <summary>422 naming the field at fault, in <c>errors</c> and in <c>detail</c>.</summary>
    public static IResult Invalid(string field, string message) =>
        Results.ValidationProblem(new Dictionary<string, string[]> { [field] = [message] }, detail: message, statusCode: StatusCodes.Status422UnprocessableEntity);
}
