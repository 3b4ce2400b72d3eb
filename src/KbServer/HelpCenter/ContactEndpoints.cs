using System.Net.Mail;
using KbCore.Contact;
using KbCore.Content;
using KbCore.Themes.Models;
using KbServer.Api;
using Microsoft.AspNetCore.Antiforgery;

namespace KbServer.HelpCenter;

/// <summary>
/// <c>/contact</c>: suggested articles before a request (deflection), then the request itself, stored and sent to the
/// helpdesk webhook. Works without script: "Find answers" posts the form and the server lists suggestions.
/// </summary>
internal static class ContactEndpoints
{
    /// <summary>The longest fields together, with room for encoding: anything bigger is not a contact request.</summary>
    private const int MaxFormBytes = 64 * 1024;

    public static IEndpointRouteBuilder MapContact(this IEndpointRouteBuilder app)
    {
        app.MapMethods("/contact", [HttpMethods.Get, HttpMethods.Head], Show);
        // The form is checked for its antiforgery token by hand: a failure must show the themed page, not a bare 400.
        app.MapPost("/contact", SubmitAsync).RequireRateLimiting(ApiRateLimits.PerVisitor).DisableAntiforgery()
            .WithMetadata(new Microsoft.AspNetCore.Mvc.RequestSizeLimitAttribute(MaxFormBytes));
        app.MapGet("/contact/suggestions", Suggestions).RequireRateLimiting(ApiRateLimits.PerCaller);
        app.MapGet("/contact/open", OpenAsync).RequireRateLimiting(ApiRateLimits.PerVisitor);
        return app;
    }

    private static Task Show(HttpContext context, string? q, ContentStore store, HelpCenterResponses pages, ContactPageBuilder builder)
    {
        var snapshot = store.Current;
        var query = q is { Length: <= KbCore.Search.SearchRequest.MaxQueryLength } ? q : string.Empty;
        var sent = context.Request.Query.ContainsKey("sent");
        var form = ContactFormView.Empty with { Subject = query };
        var view = builder.Build(context, snapshot, ContactFunnel.NewSessionId(), form, query, searched: query.Length > 0, sent: sent);
        return pages.WritePageAsync(context, snapshot, "/contact", () => ("contact", view, "Contact support", string.Empty), cacheable: false);
    }

    /// <summary>JSON for the page's script, as the visitor types: public articles only.</summary>
    private static IResult Suggestions(string? session, string? subject, string? description, string? category, ContentStore store, ContactPageBuilder builder)
    {
        if (subject?.Length > ContactRequest.MaxSubjectLength || description?.Length > ContactRequest.MaxDescriptionLength)
        {
            return Results.Problem(statusCode: 400, title: "Too long", detail: $"Subjects are limited to {ContactRequest.MaxSubjectLength} characters and descriptions to {ContactRequest.MaxDescriptionLength}.");
        }

        var id = ContactFunnel.IsSessionId(session) ? session! : ContactFunnel.NewSessionId();
        var suggestions = builder.Suggest(store.Current, id, subject ?? string.Empty, description ?? string.Empty, category);
        return Results.Json(new { results = suggestions.Select(s => new { title = s.Title, url = s.Url, snippet = s.Snippet.Html }) });
    }

    /// <summary>Records that a suggestion was opened, then goes to it; only public articles are valid targets (no open redirect).</summary>
    private static async Task<IResult> OpenAsync(string? session, string? to, string? category, ContentStore store, ContactFunnel funnel, CancellationToken cancellationToken)
    {
        var snapshot = store.Current;
        var path = to is { Length: > 1 } && to[0] == '/' ? ContentPaths.Normalize(Uri.UnescapeDataString(to[1..])) : null;
        if (path is null || !snapshot.Articles.TryGetValue(path, out var article) || !article.IsPublic)
        {
            return Results.Redirect("/contact");
        }

        var known = category is not null && snapshot.TicketCategories.Contains(category) ? category : null;
        await funnel.OpenedAsync(session ?? string.Empty, path, known, cancellationToken).ConfigureAwait(false);
        return Results.Redirect(KbCore.Rendering.HelpCenterUrls.ForPath(path));
    }

    private static async Task SubmitAsync(HttpContext context, ContentStore store, HelpCenterResponses pages, ContactPageBuilder builder, IAntiforgery antiforgery,
        ContactRequests requests, ContactFunnel funnel, Microsoft.Extensions.Options.IOptionsMonitor<Contact.HelpdeskWebhookOptions> webhook)
    {
        var snapshot = store.Current;
        if (!context.Request.HasFormContentType || !await antiforgery.IsRequestValidAsync(context).ConfigureAwait(false))
        {
            await pages.WriteErrorAsync(context, snapshot, StatusCodes.Status400BadRequest).ConfigureAwait(false);
            return;
        }

        var posted = await context.Request.ReadFormAsync(context.RequestAborted).ConfigureAwait(false);
        var session = posted["session"].ToString() is var s && ContactFunnel.IsSessionId(s) ? s : ContactFunnel.NewSessionId();
        var form = Validate(posted, snapshot);
        var findAnswers = posted["action"] == "suggest";
        if (findAnswers || form.HasErrors)
        {
            // "Find answers" shows suggestions for what was typed, without judging an unfinished form; a request to
            // fix comes back with its messages and a 400.
            var view = findAnswers ? form with { SubjectError = "", DescriptionError = "", NameError = "", EmailError = "", CategoryError = "" } : form;
            var page = builder.Build(context, snapshot, session, view, searched: true);
            var status = findAnswers ? StatusCodes.Status200OK : StatusCodes.Status400BadRequest;
            await pages.WritePageAsync(context, snapshot, "/contact", () => ("contact", page, "Contact support", string.Empty), cacheable: false, status).ConfigureAwait(false);
            return;
        }

        var category = form.Category.Length > 0 ? form.Category : null;
        var shown = builder.SuggestedPaths(snapshot, form.Subject, form.Description, category);
        await requests.AddAsync(new ContactRequest
        {
            SessionId = session,
            Name = form.Name,
            Email = form.Email,
            Subject = form.Subject,
            Description = form.Description,
            Category = category,
            SuggestionsShown = string.Join('\n', shown),
        }, deliver: Contact.HelpdeskWebhookOptions.IsOn(webhook), context.RequestAborted).ConfigureAwait(false);
        await funnel.SubmittedAsync(session, category, context.RequestAborted).ConfigureAwait(false);
        context.Response.Redirect("/contact?sent=1", permanent: false);
        context.Response.StatusCode = StatusCodes.Status303SeeOther;
    }

    /// <summary>The posted fields, cut to their limits for showing again, with a message per field at fault.</summary>
    private static ContactFormView Validate(IFormCollection posted, ContentSnapshot snapshot)
    {
        (string Value, bool TooLong) Text(string name, int max) =>
            TextInput.Clean(posted[name].ToString()) is var v && v.Length > max ? (v[..max], true) : (v, false);
        var subject = Text("subject", ContactRequest.MaxSubjectLength);
        var description = Text("description", ContactRequest.MaxDescriptionLength);
        var email = Text("email", ContactRequest.MaxEmailLength);
        var name = Text("name", ContactRequest.MaxNameLength);
        var category = Text("category", 100);
        return new ContactFormView(
            subject.Value,
            description.Value,
            category.Value,
            name.Value,
            email.Value,
            subject.Value.Length == 0 ? "Tell us in a few words what the problem is." : subject.TooLong ? $"Keep the subject under {ContactRequest.MaxSubjectLength} characters." : string.Empty,
            description.Value.Length == 0 ? "Describe what happened and what you expected." : description.TooLong ? $"Keep the description under {ContactRequest.MaxDescriptionLength} characters." : string.Empty,
            name.TooLong ? $"Keep the name under {ContactRequest.MaxNameLength} characters." : string.Empty,
            email.Value.Length == 0 ? "We need an email address to answer you." : email.TooLong || !MailAddress.TryCreate(email.Value, out var parsed) || parsed.Address != email.Value ? "This does not look like an email address." : string.Empty,
            category.Value.Length > 0 && !snapshot.TicketCategories.Contains(category.Value) ? "Pick a topic from the list." : string.Empty);
    }
}
