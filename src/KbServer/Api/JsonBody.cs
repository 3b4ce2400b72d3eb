namespace KbServer.Api;

/// <summary>Reads a JSON request body, answering malformed JSON with 400 and other content types with 415.</summary>
internal static class JsonBody
{
    /// <param name="shape">The expected fields, for the 415 message.</param>
    public static async Task<(T? Value, IResult? Problem)> ReadAsync<T>(HttpContext context, string shape)
    {
        ArgumentNullException.ThrowIfNull(context);
        try
        {
            return (await context.Request.ReadFromJsonAsync<T>(context.RequestAborted).ConfigureAwait(false), null);
        }
        catch (System.Text.Json.JsonException e)
        {
            return (default, Results.Problem(statusCode: 400, title: "Invalid JSON", detail: e.Message));
        }
        catch (InvalidOperationException)
        {
            return (default, Results.Problem(statusCode: 415, title: "Send JSON", detail: $"Use Content-Type: application/json with {shape}."));
        }
    }
}
