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
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            // The route's size limit, hit while reading: say so as problem details, not as a server error.
            var limit = context.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpMaxRequestBodySizeFeature>()?.MaxRequestBodySize;
            var detail = limit is long bytes ? $"Request bodies here are limited to {bytes / 1024} KB." : "The request body is larger than this route accepts.";
            return (default, Results.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: "Body too large", detail: detail));
        }
        catch (InvalidOperationException)
        {
            return (default, Results.Problem(statusCode: 415, title: "Send JSON", detail: $"Use Content-Type: application/json with {shape}."));
        }
    }
}
