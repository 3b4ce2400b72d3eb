namespace KbServer.Contact;

/// <summary>The outcome of one delivery attempt.</summary>
/// <param name="StatusCode">The helpdesk's HTTP status, when it answered.</param>
/// <param name="Error">Why it failed, for the team (shown in the studio).</param>
/// <param name="Retryable">Whether another attempt may succeed (timeouts, connection errors, 5xx, 429).</param>
public sealed record WebhookDeliveryResult(bool Delivered, int? StatusCode, string? Error, bool Retryable)
{
    internal static WebhookDeliveryResult Success(int statusCode) => new(true, statusCode, null, false);

    internal static WebhookDeliveryResult Failure(string error, bool retryable, int? statusCode = null) =>
        new(false, statusCode, error, retryable);
}
