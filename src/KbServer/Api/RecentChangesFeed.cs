using System.Xml;
using KbCore.Accounts;
using KbCore.Content;
using KbServer.Auth;
using KbServer.Pages.Studio;

namespace KbServer.Api;

/// <summary><c>/studio/recent.atom</c>: the team's recent changes for feed readers (Basic auth with a token, or the session).</summary>
internal static class RecentChangesFeed
{
    public static IEndpointRouteBuilder MapRecentChangesFeed(this IEndpointRouteBuilder app)
    {
        app.MapGet("/studio/recent.atom", Write).RequireAuthorization(KbPolicies.Scope(TokenScopes.ArticlesRead));
        return app;
    }

    private static async Task Write(HttpContext context, ContentRepository repository, ContentStore store, HelpCenter.PublicUrls urls)
    {
        var snapshot = store.Current;
        var changes = RecentChange.Load(repository, snapshot);
        // HelpCenter:BaseUrl when set: a feed read through a proxy must link to the proxy's address.
        var root = urls.Base(context);
        context.Response.ContentType = "application/atom+xml; charset=utf-8";
        // Commit messages and names come from anyone who can push: characters XML cannot carry are dropped, not fatal.
        var settings = new XmlWriterSettings { Async = true, Indent = true, Encoding = new System.Text.UTF8Encoding(false), CheckCharacters = false };
        await using var writer = XmlWriter.Create(context.Response.Body, settings);
        await writer.WriteStartDocumentAsync().ConfigureAwait(false);
        writer.WriteStartElement("feed", "http://www.w3.org/2005/Atom");
        writer.WriteElementString("title", "Recent changes · KnowledgeBase");
        static string Clean(string text) => new(text.Where(XmlConvert.IsXmlChar).ToArray());
        writer.WriteElementString("id", $"{root}/studio/recent");
        writer.WriteElementString("updated", (changes.Count > 0 ? changes[0].Commit.When : snapshot.CommitTime).ToString("O", System.Globalization.CultureInfo.InvariantCulture));
        Link(writer, $"{root}/studio/recent", "alternate");
        Link(writer, $"{root}/studio/recent.atom", "self");
        foreach (var change in changes)
        {
            writer.WriteStartElement("entry");
            writer.WriteElementString("id", $"urn:git:{change.Commit.Sha}");
            writer.WriteElementString("title", Clean(change.Commit.Message));
            writer.WriteElementString("updated", change.Commit.When.ToString("O", System.Globalization.CultureInfo.InvariantCulture));
            writer.WriteStartElement("author");
            writer.WriteElementString("name", Clean(change.Commit.Byline));
            writer.WriteEndElement();
            Link(writer, change.Articles.Count == 0 ? $"{root}/studio/recent" : $"{root}/studio/history?path={Uri.EscapeDataString(change.Articles[0].Path)}", "alternate");
            writer.WriteElementString("summary", Clean(change.Summary));
            writer.WriteEndElement();
        }

        writer.WriteEndElement();
        await writer.WriteEndDocumentAsync().ConfigureAwait(false);
        await writer.FlushAsync().ConfigureAwait(false);
    }

    private static void Link(XmlWriter writer, string href, string rel)
    {
        writer.WriteStartElement("link");
        writer.WriteAttributeString("rel", rel);
        writer.WriteAttributeString("href", href);
        writer.WriteEndElement();
    }
}
