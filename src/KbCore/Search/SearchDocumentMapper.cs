using KbCore.Articles;
using Lucene.Net.Documents;
using Lucene.Net.Util;

namespace KbCore.Search;

/// <summary>One article as one Lucene document.</summary>
internal static class SearchDocumentMapper
{
    /// <summary>
    /// What the index must match for an article to be current: its blob and its effective visibility
    /// (a folder can turn an unchanged file internal).
    /// </summary>
    public static string Revision(Article article) => article.BlobSha + (article.IsPublic ? ":public" : ":internal");

    public static Document Map(Article article)
    {
        var (body, headings) = ArticleText.Extract(article);
        var document = new Document
        {
            new StringField(SearchFields.Id, article.Path, Field.Store.YES),
            new StringField(SearchFields.Blob, Revision(article), Field.Store.YES),
            new StringField(SearchFields.Visibility, article.IsPublic ? "public" : "internal", Field.Store.NO),
            new TextField(SearchFields.Title, article.Title, Field.Store.YES),
            new TextField(SearchFields.TitlePrefix, article.Title, Field.Store.NO),
            new TextField(SearchFields.Summary, article.Metadata.Summary ?? string.Empty, Field.Store.YES),
            new TextField(SearchFields.Headings, headings, Field.Store.NO),
            new TextField(SearchFields.Body, body, Field.Store.YES),
            new TextField(SearchFields.PathWords, article.Path.Replace('/', ' ').Replace('-', ' ').Replace('_', ' '), Field.Store.NO),
            new StringField(SearchFields.Category, Category(article), Field.Store.YES),
            new SortedSetDocValuesField(SearchFields.Category, new BytesRef(Category(article))),
            new TextField(SearchFields.Words, article.Title + "\n" + headings, Field.Store.NO),
        };
        foreach (var tag in article.Metadata.Tags)
        {
            document.Add(new TextField(SearchFields.Tags, tag, Field.Store.NO));
            document.Add(new StringField(SearchFields.Tag, tag.ToLowerInvariant(), Field.Store.YES));
            document.Add(new SortedSetDocValuesField(SearchFields.Tag, new BytesRef(tag.ToLowerInvariant())));
        }

        foreach (var ticket in article.Metadata.TicketCategories)
        {
            document.Add(new StringField(SearchFields.TicketCategory, ticket, Field.Store.YES));
            document.Add(new SortedSetDocValuesField(SearchFields.TicketCategory, new BytesRef(ticket)));
        }

        return document;
    }

    /// <summary>The top-level folder: the help-center category.</summary>
    public static string Category(Article article) => article.Path.IndexOf('/') is var i and > 0 ? article.Path[..i] : string.Empty;
}
