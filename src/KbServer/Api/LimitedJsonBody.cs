using System.Text.Json;

namespace KbServer.Api;

/// <summary>
/// Reads a JSON body of at most a given size into a document: 413 beyond it (by Content-Length, or while reading
/// a chunked body), 415 for another content type, 400 for malformed JSON. Webhooks send loosely typed JSON, so the
/// document is read as is and each shape names its own fields in errors.
/// </summary>
internal static class LimitedJsonBody
{
    public static async Task<(JsonDocument? Document, IResult? Problem)> ReadAsync(HttpContext context, int maxBytes)
    {
        ArgumentNullException.ThrowIfNull(context);
        var request = context.Request;
        if (request.ContentLength > maxBytes)
        {
            return (null, TooLarge(maxBytes));
        }

        if (!request.HasJsonContentType())
        {
            return (null, Results.Problem(statusCode: 415, title: "Send JSON", detail: "Use Content-Type: application/json."));
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, context.RequestAborted).ConfigureAwait(false)) > 0)
        {
            if (buffer.Length + read > maxBytes)
            {
                return (null, TooLarge(maxBytes));
            }

            buffer.Write(chunk, 0, read);
        }

        try
        {
            return (JsonDocument.Parse(buffer.ToArray(), new JsonDocumentOptions { MaxDepth = 32 }), null);
        }
        catch (JsonException e)
        {
            return (null, Results.Problem(statusCode: 400, title: "Invalid JSON", detail: e.Message));
        }
    }

    private static IResult TooLarge(int maxBytes) =>
        Results.Problem(statusCode: 413, title: "Body too large", detail: $"Request bodies here are limited to {maxBytes / 1024} KB.");
}
