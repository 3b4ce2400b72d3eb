using KbCore.Contact;
using KbCore.Content;
using Microsoft.Extensions.Options;

namespace KbServer.Contact;

/// <summary>
/// Sends stored contact requests to the helpdesk webhook: due ones every few seconds, each retried with backoff
/// while the failure is temporary and attempts remain; then marked failed, still readable in the studio.
/// </summary>
internal sealed class ContactDeliveryService(
    ContactRequests requests,
    ContentStore store,
    IServiceScopeFactory scopes,
    IOptionsMonitor<HelpdeskWebhookOptions> options,
    TimeProvider clock,
    ILogger<ContactDeliveryService> logger) : BackgroundService
{
    private static readonly TimeSpan Poll = TimeSpan.FromSeconds(2);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (options.CurrentValue.Enabled)
                {
                    await DeliverDueAsync(stoppingToken).ConfigureAwait(false);
                }

                await Task.Delay(Poll, clock, stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            catch (OptionsValidationException e)
            {
                // Settings reloaded with a mistake: requests wait (stored) until they are fixed; the server keeps serving.
                logger.LogError("Helpdesk webhook settings are invalid, nothing is sent until they are fixed: {Problem}", e.Message);
                await Task.Delay(Poll * 15, clock, stoppingToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is System.Data.Common.DbException or HttpRequestException or InvalidOperationException)
            {
                logger.LogWarning(e, "Contact request delivery failed; retrying");
                await Task.Delay(Poll, clock, stoppingToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>One pass over the due requests. Returns how many were attempted.</summary>
    public async Task<int> DeliverDueAsync(CancellationToken cancellationToken)
    {
        var due = await requests.DueAsync(20, cancellationToken).ConfigureAwait(false);
        if (due.Count == 0)
        {
            return 0;
        }

        using var scope = scopes.CreateScope();
        var sender = scope.ServiceProvider.GetRequiredService<HelpdeskWebhookSender>();
        foreach (var request in due)
        {
            var result = await sender.SendAsync(Payload(request), cancellationToken).ConfigureAwait(false);
            var attempt = request.Attempts + 1;
            DateTime? retryAt = !result.Delivered && result.Retryable && attempt < options.CurrentValue.MaxAttempts
                ? clock.GetUtcNow().UtcDateTime + HelpdeskWebhookSender.NextAttemptDelay(attempt)
                : null;
            if (!result.Delivered)
            {
                logger.LogWarning("Contact request {Id} not delivered (attempt {Attempt}): {Error}", request.Id, attempt, result.Error);
            }

            await requests.RecordAttemptAsync(request.Id, result.Delivered, result.Error, retryAt, cancellationToken).ConfigureAwait(false);
        }

        return due.Count;
    }

    /// <summary>What the helpdesk receives: the request, its category with the helpdesk ids, and the public articles it was shown.</summary>
    private ContactRequestPayload Payload(ContactRequest request) => new(
        request.DeliveryId,
        request.Subject,
        request.Description,
        request.Email,
        request.Name,
        request.Category,
        request.Category is { } id && store.Current.TicketCategories.Find(id) is { } category ? category.ExternalIds : new Dictionary<string, string>(),
        request.SuggestionsShown.Split('\n', StringSplitOptions.RemoveEmptyEntries),
        new DateTimeOffset(DateTime.SpecifyKind(request.At, DateTimeKind.Utc)));
}
