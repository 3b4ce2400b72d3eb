using System.Globalization;
using System.Text;

namespace KbCore.Analytics;

/// <summary>
/// Turns what customers typed (a search query, a ticket subject) into an article title: sentence case, words the
/// help center's titles spell in a particular way spelled that way ("csv" → "CSV", "paypal" → "PayPal"), at most
/// <see cref="MaxLength"/> characters cut at a word.
/// </summary>
public static class TitleText
{
    public const int MaxLength = 120;

    private static readonly char[] TrimmedPunctuation = ['.', ',', ';', ':', '!', '?', '"', '\'', '(', ')', '[', ']', '“', '”', '‘', '’'];

    /// <summary>
    /// How the titles spell words that are not plain lower case where they are not the first word: acronyms, brands,
    /// and every word of a help center that writes Title Case. Keyed by the lower-case word.
    /// </summary>
    public static IReadOnlyDictionary<string, string> HouseStyle(IEnumerable<string> titles)
    {
        ArgumentNullException.ThrowIfNull(titles);
        var forms = new Dictionary<string, Dictionary<string, int>>(StringComparer.Ordinal);
        foreach (var title in titles)
        {
            var words = Words(title);
            for (var i = 0; i < words.Count; i++)
            {
                var word = words[i].Trim(TrimmedPunctuation);
                // A title's first word is capitalised by the sentence, not by its spelling: only a mixed-case one counts.
                if (word.Length == 0 || (i == 0 && !IsMixedCase(word)))
                {
                    continue;
                }

                var key = word.ToLowerInvariant();
                var counts = forms.TryGetValue(key, out var c) ? c : forms[key] = new Dictionary<string, int>(StringComparer.Ordinal);
                counts[word] = counts.GetValueOrDefault(word) + 1;
            }
        }

        return forms
            .Select(f => (f.Key, Best: f.Value.OrderByDescending(v => v.Value).ThenBy(v => v.Key, StringComparer.Ordinal).First().Key))
            .Where(f => f.Best != f.Key)
            .ToDictionary(f => f.Key, f => f.Best, StringComparer.Ordinal);
    }

    /// <summary>The title for <paramref name="text"/>; empty when it has no letters or digits.</summary>
    public static string From(string text, IReadOnlyDictionary<string, string> houseStyle)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(houseStyle);

        // All lower case (every search query) or all upper case (shouting) says nothing about spelling: start over.
        var typedCasing = text.Any(char.IsUpper) && text.Any(char.IsLower);
        var words = Words(typedCasing ? text : text.ToLowerInvariant());
        var title = new StringBuilder();
        var first = string.Empty;
        foreach (var typed in words)
        {
            var word = typed;
            var bare = word.Trim(TrimmedPunctuation);
            if (bare.Length > 0 && !bare.Any(char.IsUpper))
            {
                var styled = bare == "i" ? "I" : houseStyle.GetValueOrDefault(bare);
                word = styled is null ? word : word.Replace(bare, styled, StringComparison.Ordinal);
            }

            if (title.Length + word.Length + 1 > MaxLength)
            {
                if (title.Length == 0)
                {
                    title.Append(word.AsSpan(0, MaxLength)); // one endless word: cut inside it
                    first = title.ToString();
                }

                break;
            }

            if (title.Length == 0)
            {
                first = word.Trim(TrimmedPunctuation);
            }

            title.Append(title.Length == 0 ? string.Empty : " ").Append(word);
        }

        var result = title.ToString().TrimEnd('.', '!', ',', ';', ':', ' ');
        if (result.Length == 0 || !result.Any(char.IsLetterOrDigit))
        {
            return string.Empty;
        }

        // Sentence case: the first letter up, unless the word is spelled in mixed case on purpose ("iPhone").
        if (IsMixedCase(first))
        {
            return result;
        }

        var letter = Array.FindIndex(result.ToCharArray(), char.IsLetterOrDigit); // there is one: checked above
        return string.Concat(result.AsSpan(0, letter), char.ToUpper(result[letter], CultureInfo.InvariantCulture).ToString(), result.AsSpan(letter + 1));
    }

    private static List<string> Words(string text) => [.. text.Split(default(char[]), StringSplitOptions.RemoveEmptyEntries)];

    /// <summary>An upper-case letter after the first one ("CSV", "PayPal", "iPhone"), or a lower-case first letter before one.</summary>
    private static bool IsMixedCase(string word) => word.Length > 1 && word.Skip(1).Any(char.IsUpper);
}
