using KbCore.Contact;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace KbServer.Pages.Studio.Support;

/// <summary>What customers sent from the contact page, and whether the helpdesk webhook took it.</summary>
public sealed class ContactRequestsModel(ContactRequests requests, Microsoft.Extensions.Options.IOptionsMonitor<KbServer.Contact.HelpdeskWebhookOptions> webhook) : PageModel
{
    public const int Shown = 200;

    public IReadOnlyList<ContactRequest> Requests { get; private set; } = [];

    public bool WebhookConfigured => KbServer.Contact.HelpdeskWebhookOptions.IsOn(webhook);

    public async Task OnGetAsync() => Requests = await requests.RecentAsync(Shown, HttpContext.RequestAborted).ConfigureAwait(false);
}
