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
        var known = KnownCategory(snapshot, category);
        return Articles(snapshot, subject, description, known)
            .Select(s => new ContactSuggestionView(s.Title, OpenUrl(session, s.Path, known), new RawHtml(s.Snippet)))
            .ToArray();
    }

    /// <summary>The paths of the articles <see cref="Suggest"/> shows, for the request sent to the helpdesk.</summary>
    public IReadOnlyList<string> SuggestedPaths(ContentSnapshot snapshot, string subject, string description, string? category) =>
        Articles(snapshot, subject, description, KnownCategory(snapshot, category)).Select(s => s.Path).ToArray();

    private static string? KnownCategory(ContentSnapshot snapshot, string? category) =>
        category is { Length: > 0 } && snapshot.TicketCategories.Contains(category) ? category : null;

    /// <summary>Checked against the published articles too: the index may lag a commit that made one internal.</summary>
    private IEnumerable<Suggestion> Articles(ContentSnapshot snapshot, string subject, string description, string? category) =>
        string.IsNullOrWhiteSpace(subject) && string.IsNullOrWhiteSpace(description)
            ? []
            : searcher.Suggest(new SuggestionRequest($"{subject} {description}", category, SuggestionCount, IncludeInternal: false))
                .Where(s => snapshot.Articles.TryGetValue(s.Path, out var article) && article.IsPublic);

    /// <summary>The funnel's click recorder, which redirects to the article.</summary>
    public static string OpenUrl(string session, string path, string? category) =>
        $"/contact/open?session={Uri.EscapeDataString(session)}&to={Uri.EscapeDataString(KbCore.Rendering.HelpCenterUrls.ForPath(path))}"
        + (category is null ? string.Empty : "&category=" + Uri.EscapeDataString(category));
}
