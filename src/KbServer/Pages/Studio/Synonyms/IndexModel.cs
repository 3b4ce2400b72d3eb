using System.Text;
using KbCore.Articles;
using KbCore.Content;
using KbCore.Search;
using Microsoft.AspNetCore.Mvc;

namespace KbServer.Pages.Studio.Synonyms;

/// <summary>
/// The search synonyms (<c>synonyms.yml</c>): the lines in force, a search to try them on, and the file to edit.
/// A search from the report that found nothing can be brought here as the start of a new line.
/// </summary>
public sealed class IndexModel(ContentStore store, ArticleSearcher searcher, KbCore.Search.Semantic.SemanticIndex semantic, ContentWriter writer, SettingsFileSaver saver) : SettingsFileEditorModel(store, writer, saver)
{
    private const int TriedResults = 5;

    public IReadOnlyList<SynonymRule> Rules => Store.Current.Synonyms.Rules;

    /// <summary>The search tried on this page, if any, with the lines it uses and its first results.</summary>
    public string? Tried { get; private set; }

    public IReadOnlyList<SynonymUse> TriedUses { get; private set; } = [];

    public IReadOnlyList<SearchHit> TriedHits { get; private set; } = [];

    /// <summary>Whether "Try a search" matches by meaning yet: <c>ready</c>, <c>building</c> or <c>off</c>.</summary>
    public string SemanticState => semantic.Progress.State;

    protected override string FileName => SynonymSet.FileName;

    protected override string Noun => "the synonym list";

    protected override string Template =>
        "# Each line: terms that mean the same, separated by commas. With =>, searching the left also finds the right.\n" +
        "synonyms:\n  - out of office, automatic replies\n  - printer, scanner => multifunction device\n";

    protected override string CommitMessage => "Update the search synonyms";

    protected override string SavedUrl => "/studio/synonyms?saved=1";

    /// <param name="q">A search to try with the published synonyms.</param>
    /// <param name="add">A search (from the report) to start a new line with.</param>
    public void OnGet(string? saved, string? q, string? add)
    {
        OpenFile(saved is not null);
        if (Words(add ?? string.Empty) is { Length: > 0 } words && Errors.Count == 0)
        {
            Yaml = Yaml.TrimEnd('\n') + "\n  - " + words + " => \n";
            Notice = $"A line for “{words}” is at the end of the file: after =>, write what the articles call it, then save.";
        }

        if (!string.IsNullOrWhiteSpace(q))
        {
            Tried = q.Length > SearchRequest.MaxQueryLength ? q[..SearchRequest.MaxQueryLength] : q;
            TriedUses = searcher.SynonymsUsedBy(Tried);
            TriedHits = searcher.Search(new SearchRequest(Tried, PageSize: TriedResults, IncludeInternal: true)).Hits;
        }
    }

    /// <summary>The "add a line" form beside the YAML: terms that mean the same, and optionally what they also find.</summary>
    [BindProperty]
    public string NewTerms { get; set; } = string.Empty;

    [BindProperty]
    public string NewAlsoFinds { get; set; } = string.Empty;

    public string? NewError { get; private set; }

    public Task<IActionResult> OnPostAsync() => SaveFileAsync(Problems);

    /// <summary>Adds one line from the form at the end of the file; the rest of the file stays as it is.</summary>
    public Task<IActionResult> OnPostAddAsync()
    {
        var terms = Terms(NewTerms);
        var also = Terms(NewAlsoFinds);
        NewError = terms.Count == 0 ? "Write at least one term, e.g. out of office, automatic replies."
            : terms.Count == 1 && also.Count == 0 ? "Give another term that means the same, or what it should also find."
            : terms.Concat(also).Any(t => t.Length == 0) ? "Use letters, digits, spaces, hyphens and apostrophes only; separate terms with commas."
            : null;
        if (NewError is not null)
        {
            OpenFile(saved: false);
            return Task.FromResult<IActionResult>(Page());
        }

        var line = "  - " + string.Join(", ", terms) + (also.Count > 0 ? " => " + string.Join(", ", also) : string.Empty) + "\n";
        return AppendAndSaveAsync(line, Problems);
    }

    private static IReadOnlyList<string> Problems(string yaml)
    {
        var problems = new List<ContentProblem>();
        SynonymSet.Parse(yaml, problems);
        return ErrorLines(problems);
    }

    /// <summary>Comma-separated terms, each lowercased and trimmed; a term with a character YAML would read as syntax is empty (refused).</summary>
    private static List<string> Terms(string? text) =>
        (text ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(t => t.All(c => char.IsLetterOrDigit(c) || c is ' ' or '-' or '\'') ? string.Join(' ', t.ToLowerInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries)) : string.Empty)
            .ToList();

    /// <summary>"Why this result": what the engine found the article by, in the team's words.</summary>
    public static string Why(HitMatch match) => match switch
    {
        HitMatch.Both => "words and meaning",
        HitMatch.Meaning => "meaning",
        _ => "words",
    };

    public static string WhyTitle(HitMatch match) => match switch
    {
        HitMatch.Both => "It contains words of the search and is close to it in meaning.",
        HitMatch.Meaning => "It shares no searched word that counted, but is close to the search in meaning.",
        _ => "It contains words of the search (or their synonyms, stems or spelling corrections).",
    };

    /// <summary>The words of a search, without what YAML would read as syntax (a comment, a mapping, quotes).</summary>
    private static string Words(string query)
    {
        var text = new StringBuilder();
        foreach (var c in query.Length > SynonymSet.MaxTermLength ? query[..SynonymSet.MaxTermLength] : query)
        {
            text.Append(char.IsLetterOrDigit(c) || c is '-' or '\'' or '/' or '.' ? c : ' ');
        }

        return string.Join(' ', text.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries)).TrimStart('-', '.', '\'').ToLowerInvariant();
    }
}
