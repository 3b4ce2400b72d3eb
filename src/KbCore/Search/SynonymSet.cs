using KbCore.Articles;

namespace KbCore.Search;

/// <summary>
/// The team's search synonyms, read from <c>synonyms.yml</c> at the repository root: the words customers search
/// with, and what the articles call the same thing ("away message" for automatic replies). Applied at query time
/// only, so a change takes effect with the commit that makes it, without reindexing.
/// </summary>
public sealed class SynonymSet
{
    public const string FileName = "synonyms.yml";

    /// <summary>Bounds that keep one search's expansion cheap whatever the file says.</summary>
    public const int MaxRules = 2000;
    public const int MaxTermsPerRule = 20;
    public const int MaxWordsPerTerm = 6;
    public const int MaxTermLength = 100;

    private const string OneWay = "=>";

    private readonly Lazy<SynonymMatcher> _matcher;

    private SynonymSet(IReadOnlyList<SynonymRule> rules)
    {
        Rules = rules;
        _matcher = new Lazy<SynonymMatcher>(() => new SynonymMatcher(rules));
    }

    public static SynonymSet Empty { get; } = new([]);

    /// <summary>Rules in file order.</summary>
    public IReadOnlyList<SynonymRule> Rules { get; }

    /// <summary>The rules analyzed like the index, built on first use.</summary>
    internal SynonymMatcher Matcher => _matcher.Value;

    /// <summary>The lines that apply to <paramref name="query"/>, so an editor sees what a search will also look for.</summary>
    public IReadOnlyList<SynonymUse> UsesIn(string query) =>
        Matcher.Uses(QueryText.Normalize(query ?? string.Empty));

    /// <summary>Parses the file; problems (with their lines) go to <paramref name="problems"/> and bad lines are skipped.</summary>
    public static SynonymSet Parse(string yaml, ICollection<ContentProblem> problems)
    {
        ArgumentNullException.ThrowIfNull(problems);
        var items = new YamlListFile(FileName, "synonyms", "synonyms file").Read(yaml, problems, "expected a `synonyms:` list, one line of terms per item", emptyIsList: true);
        if (items is null || items.Count == 0)
        {
            return Empty;
        }

        var rules = new List<SynonymRule>();
        foreach (var item in items)
        {
            if (rules.Count == MaxRules)
            {
                problems.Add(new(FileName, item.Line, ContentProblem.Error, $"more than {MaxRules} synonym lines; the rest are ignored"));
                break;
            }

            if (ReadRule(item, problems) is { } rule)
            {
                rules.Add(rule);
            }
        }

        return new(rules);
    }

    private static SynonymRule? ReadRule(YamlValue item, ICollection<ContentProblem> problems)
    {
        void Problem(string message) => problems.Add(new(FileName, item.Line, ContentProblem.Error, message));
        if (item is not YamlScalar { Text: { } text } || string.IsNullOrWhiteSpace(text))
        {
            Problem("each synonym line must be text: terms separated by commas, such as `out of office, automatic replies`");
            return null;
        }

        var sides = text.Split(OneWay);
        if (sides.Length > 2)
        {
            Problem($"`{OneWay}` may appear once in a line");
            return null;
        }

        var from = Terms(sides[0]);
        var to = sides.Length == 2 ? Terms(sides[1]) : from;
        if (from.Count == 0 || to.Count == 0)
        {
            Problem(sides.Length == 2 ? $"both sides of `{OneWay}` need a term" : "the line has no terms");
            return null;
        }

        if (sides.Length == 1 && from.Count < 2)
        {
            Problem($"`{from[0]}` is the only term: give two or more that mean the same, separated by commas, or `{OneWay}` and what it also finds");
            return null;
        }

        if (from.Count + (sides.Length == 2 ? to.Count : 0) > MaxTermsPerRule)
        {
            Problem($"at most {MaxTermsPerRule} terms in a line");
            return null;
        }

        foreach (var term in from.Concat(to))
        {
            if (term.Length > MaxTermLength || term.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length > MaxWordsPerTerm)
            {
                Problem($"`{Shorten(term)}` is too long: a term has at most {MaxWordsPerTerm} words and {MaxTermLength} characters");
                return null;
            }

            if (!term.Any(char.IsLetterOrDigit))
            {
                Problem($"`{term}` has no letters or digits to search for");
                return null;
            }
        }

        return new SynonymRule(from, to, item.Line, OneWay: sides.Length == 2);
    }

    private static List<string> Terms(string side) =>
        side.Split(',').Select(t => string.Join(' ', t.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)))
            .Where(t => t.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase).ToList();

    private static string Shorten(string term) => term.Length > 40 ? term[..40] + "…" : term;
}
