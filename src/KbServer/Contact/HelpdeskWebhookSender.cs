using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Options;

namespace KbServer.Contact;

/// <summary>
/// Sends one contact request to the helpdesk webhook: one attempt, signed, with a timeout. Retrying is the delivery
/// queue's job (<see cref="NextAttemptDelay"/>), so a request survives a restart between attempts.
/// </summary>
internal sealed class HelpdeskWebhookSender(HttpClient http, IOptionsMonitor<HelpdeskWebhookOptions> options, TimeProvider clock)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private static readonly TimeSpan MaxDelay = TimeSpan.FromHours(1);
    private const int ErrorSnippetBytes = 256;

    /// <summary>How long to wait after failed attempt number <paramref name="attempt"/> (1-based): 30 s, 2 min, 8 min, 32 min, then hourly.</summary>
    public static TimeSpan NextAttemptDelay(int attempt)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(attempt, 1);
        var seconds = 30 * Math.Pow(4, Math.Min(attempt - 1, 8));
        return TimeSpan.FromSeconds(Math.Min(seconds, MaxDelay.TotalSeconds));
    }

    public async Task<WebhookDeliveryResult> SendAsync(ContactRequestPayload payload, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(payload);
        HelpdeskWebhookOptions webhook;
        try
        {
            webhook = options.CurrentValue;
        }
        catch (OptionsValidationException e)
        {
            return WebhookDeliveryResult.Failure(e.Message, retryable: false);
        }

        // Checked again here, not only at start-up: options can be reloaded, and a bad URL must never be tried.
        var refusal = webhook.Enabled ? WebhookDestinationGuard.CheckUrl(webhook) : "no helpdesk webhook is configured (Contact:Webhook:Url)";
        if (refusal is not null)
        {
            return WebhookDeliveryResult.Failure(refusal, retryable: false);
        }

        using var request = BuildRequest(webhook, payload);
        using var attempt = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        attempt.CancelAfter(TimeSpan.FromSeconds(webhook.TimeoutSeconds));
        try
        {
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, attempt.Token).ConfigureAwait(false);
            return await ResultAsync(response, attempt.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return WebhookDeliveryResult.Failure($"no answer within {webhook.TimeoutSeconds} s (Contact:Webhook:TimeoutSeconds)", retryable: true);
        }
        catch (HttpRequestException e) when (e.InnerException is WebhookDestinationRefusedException refused)
        {
            return WebhookDeliveryResult.Failure(refused.Message, retryable: false);
        }
        catch (Exception e) when (e is HttpRequestException or IOException)
        {
            return WebhookDeliveryResult.Failure("could not reach the helpdesk: " + e.Message, retryable: true);
        }
    }

    private HttpRequestMessage BuildRequest(HelpdeskWebhookOptions webhook, ContactRequestPayload payload)
    {
        var body = JsonSerializer.SerializeToUtf8Bytes(payload, Json);
        var timestamp = clock.GetUtcNow().ToUnixTimeSeconds();
        var request = new HttpRequestMessage(HttpMethod.Post, webhook.Url) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.UserAgent.Add(new ProductInfoHeaderValue("KnowledgeBase", "1.0"));
        request.Headers.Add("X-Kb-Event", "contact.request");
        request.Headers.Add("X-Kb-Delivery", payload.Id);
        request.Headers.Add("X-Kb-Timestamp", timestamp.ToString(CultureInfo.InvariantCulture));
        request.Headers.Add("X-Kb-Signature", WebhookSignature.Compute(webhook.Secret!, timestamp, body));
        return request;
    }

    private static async Task<WebhookDeliveryResult> ResultAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var code = (int)response.StatusCode;
        if (response.IsSuccessStatusCode)
        {
            return WebhookDeliveryResult.Success(code);
        }

        if (code is >= 300 and < 400)
        {
            // Following a redirect would send the request to a URL nobody put on the allow-list.
            return WebhookDeliveryResult.Failure(
                $"HTTP {code}: redirects are not followed (Location: {response.Headers.Location}); set Contact:Webhook:Url to the final address",
                retryable: false, code);
        }

        var retryable = code is >= 500 or (int)HttpStatusCode.TooManyRequests or (int)HttpStatusCode.RequestTimeout;
        var snippet = await SnippetAsync(response.Content, cancellationToken).ConfigureAwait(false);
        var error = $"HTTP {code} {response.ReasonPhrase}" + (snippet.Length > 0 ? ": " + snippet : string.Empty);
        return WebhookDeliveryResult.Failure(error, retryable, code);
    }

    /// <summary>The start of the helpdesk's error body ("invalid token"), bounded so a huge answer costs nothing.</summary>
    private static async Task<string> SnippetAsync(HttpContent content, CancellationToken cancellationToken)
    {
        var buffer = new byte[ErrorSnippetBytes];
        var stream = await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            var read = await stream.ReadAtLeastAsync(buffer, buffer.Length, throwOnEndOfStream: false, cancellationToken).ConfigureAwait(false);
            return Encoding.UTF8.GetString(buffer, 0, read).Trim();
        }
    }
}
