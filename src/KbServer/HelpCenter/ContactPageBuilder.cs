using KbCore.Content;
using KbCore.Search;
using KbCore.Themes;
using KbCore.Themes.Models;
using Microsoft.AspNetCore.Antiforgery;

namespace KbServer.HelpCenter;

/// <summary>Builds the contact page: the form, the visitor's ticket categories, and public suggestions for what they typed.</summary>
internal sealed class ContactPageBuilder(ArticleSearcher searcher, IAntiforgery antiforgery, IConfiguration config)
{
    public const int SuggestionCount = 5;

    public ContactView Build(HttpContext context, ContentSnapshot snapshot, string session, ContactFormView form, string query = "", bool searched = false, bool sent = false)
    {
        var tokens = antiforgery.GetAndStoreTokens(context);
        var suggestions = searched ? Suggest(snapshot, session, form.Subject, form.Description, form.Category) : [];
        return new ContactView(
            config["HelpCenter:ContactEmail"] ?? string.Empty,
            query,
            session,
            form,
            snapshot.TicketCategories.Categories.Select(c => new ContactCategoryView(c.Id, c.Name, c.Id == form.Category)).ToArray(),
            suggestions,
            searched,
            sent,
            new FormFieldView(tokens.FormFieldName, tokens.RequestToken ?? string.Empty));
    }

    /// <summary>Public articles only: the contact page is for anyone.</summary>
    public IReadOnlyList<ContactSuggestionView> Suggest(ContentSnapshot snapshot, string session, string subject, string description, string? category)
    {
        var known = category is { Length: > 0 } && snapshot.TicketCategories.Contains(category) ? category : null;
        if (string.IsNullOrWhiteSpace(subject) && string.IsNullOrWhiteSpace(description))
        {
            return [];
        }

        return searcher.Suggest(new SuggestionRequest($"{subject} {description}", known, SuggestionCount, IncludeInternal: false))
            .Where(s => snapshot.Articles.TryGetValue(s.Path, out var article) && article.IsPublic)
            .Select(s => new ContactSuggestionView(s.Title, OpenUrl(session, s.Path, known), new RawHtml(s.Snippet)))
            .ToArray();
    }

    /// <summary>The funnel's click recorder, which redirects to the article.</summary>
    public static string OpenUrl(string session, string path, string? category) =>
        $"/contact/open?session={Uri.EscapeDataString(session)}&to={Uri.EscapeDataString(KbCore.Rendering.HelpCenterUrls.ForPath(path))}"
        + (category is null ? string.Empty : "&category=" + Uri.EscapeDataString(category));
}
