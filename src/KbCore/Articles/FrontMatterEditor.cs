namespace KbCore.Articles;

/// <summary>
/// Applies what a person changed in the editor's form to the file they opened, and nothing else. A field equal to what
/// the form showed for that file leaves its key's lines as they were (equal by meaning: the same tags in the same
/// order, however the field spells them); a changed field rewrites its key in the key's style; an emptied one removes
/// the key; a new one goes at the end. Keys without a field are compared one by one with the "other front matter" text.
/// </summary>
internal static class FrontMatterEditor
{
    /// <summary>The edited file, or null when the original cannot be edited in place (the caller writes the front matter afresh).</summary>
    /// <param name="original">The file as committed at the revision the person opened.</param>
    public static string? Apply(ArticleForm form, string original, Visibility defaultVisibility)
    {
        ArticleForm shown;
        FrontMatterDocument? document;
        OtherFrontMatter? other;
        try
        {
            shown = ArticleForm.FromFile(original, defaultVisibility);
            document = FrontMatterDocument.Read(original);
            other = OtherFrontMatter.Read(form.OtherYaml);
        }
        catch (FrontMatterException)
        {
            return null;
        }

        if (document is null || other is null)
        {
            return null;
        }

        SetScalar(document, "title", form.Title, shown.Title);
        SetSummary(document, form.Summary, shown.Summary);
        SetList(document, "tags", form.TagList(), shown.TagList(), "ticket_categories");
        SetCategories(document, form.CategoryList(), shown.CategoryList());
        SetVisibility(document, form.Visibility, shown.Visibility);
        SetScalar(document, "owner", form.Owner, shown.Owner);
        SetScalar(document, "review_by", form.ReviewBy, shown.ReviewBy, allowDate: true);
        other.ApplyTo(document);
        SetBody(document, form.Body);

        var text = document.ToString();
        return Means(text, form, defaultVisibility, other) ? text : null;
    }

    /// <summary>Text as the form compares it: browsers send textarea line breaks as CRLF, and the parser trims.</summary>
    internal static string Clean(string text) => text.Replace("\r\n", "\n", StringComparison.Ordinal).Trim();

    private static void SetScalar(FrontMatterDocument document, string key, string value, string shown, bool allowDate = false)
    {
        value = Clean(value);
        if (value == Clean(shown))
        {
            return;
        }

        Put(document, key, value.Length == 0 ? null : FrontMatterValueWriter.Scalar(key, value, document.Find(key), allowDate));
    }

    /// <summary>The summary field shows <c>summary</c>, or <c>description</c> when only that has text: a change goes to the key it came from.</summary>
    private static void SetSummary(FrontMatterDocument document, string value, string shown)
    {
        value = Clean(value);
        if (value == Clean(shown))
        {
            return;
        }

        if (value.Length == 0)
        {
            // Both, or the one left would show up as the summary again.
            document.Remove("summary");
            document.Remove("description");
            return;
        }

        var key = !HasText(document, "summary") && HasText(document, "description") ? "description" : "summary";
        Put(document, key, FrontMatterValueWriter.Scalar(key, value, document.Find(key)));
    }

    private static void SetList(FrontMatterDocument document, string key, string[] items, string[] shown, string sibling)
    {
        if (items.SequenceEqual(shown, StringComparer.Ordinal))
        {
            return;
        }

        Put(document, key, items.Length == 0 ? null : FrontMatterValueWriter.List(key, items, Entry(document, key), Entry(document, sibling)));
    }

    /// <summary>
    /// The categories come from a multiple select, which sends them in the catalog's order, not the file's: the same set
    /// is no change, and a change keeps the file's order for the ones that stay.
    /// </summary>
    private static void SetCategories(FrontMatterDocument document, string[] items, string[] shown)
    {
        if (items.ToHashSet(StringComparer.Ordinal).SetEquals(shown))
        {
            return;
        }

        SetList(document, "ticket_categories", [.. shown.Where(items.Contains), .. items.Where(i => !shown.Contains(i))], shown, "tags");
    }

    /// <summary>
    /// A changed visibility is written to <c>visibility</c>, in the place of a misspelled key (<c>Visibility:</c>) when
    /// there is no correct one; the misspelled or repeated keys that made it doubtful go.
    /// </summary>
    private static void SetVisibility(FrontMatterDocument document, string value, string shown)
    {
        if (value == shown)
        {
            return;
        }

        var doubtful = document.Regions.Select(r => r.Key).Where(k => k != "visibility" && k.Equals("visibility", StringComparison.OrdinalIgnoreCase)).ToList();
        if (document.Find("visibility") is null && doubtful.Count > 0)
        {
            document.Replace(doubtful[0], FrontMatterValueWriter.Scalar("visibility", value, document.Find(doubtful[0])), newKey: "visibility");
        }

        foreach (var key in doubtful)
        {
            document.Remove(key);
        }

        document.RemoveRepeats("visibility");
        Put(document, "visibility", FrontMatterValueWriter.Scalar("visibility", value, document.Find("visibility")));
    }

    /// <summary>An unchanged body stays byte for byte; a changed one is written with the line endings the file's body had.</summary>
    private static void SetBody(FrontMatterDocument document, string body)
    {
        var text = body.Replace("\r\n", "\n", StringComparison.Ordinal);
        var before = document.Body;
        if (text == before.Replace("\r\n", "\n", StringComparison.Ordinal))
        {
            return;
        }

        var crlf = before.Contains('\n', StringComparison.Ordinal) ? before.Contains("\r\n", StringComparison.Ordinal) : document.Newline == "\r\n";
        document.Body = crlf ? text.Replace("\n", "\r\n", StringComparison.Ordinal) : text;
    }

    /// <summary>Writes <paramref name="lines"/> as the key (in its place, or at the end), or removes the key when null.</summary>
    private static void Put(FrontMatterDocument document, string key, IReadOnlyList<string>? lines)
    {
        if (lines is null)
        {
            document.Remove(key);
        }
        else if (document.Find(key) is null)
        {
            document.Add(key, [], lines);
        }
        else
        {
            document.Replace(key, lines);
        }
    }

    private static (FrontMatterRegion Region, YamlValue Value)? Entry(FrontMatterDocument document, string key) =>
        document.Find(key) is { } region && document.Values.TryGetValue(key, out var value) ? (region, value) : null;

    private static bool HasText(FrontMatterDocument document, string key) =>
        document.Values.TryGetValue(key, out var value) && value is YamlScalar { Text: { } text } && text.Trim().Length > 0;

    /// <summary>
    /// The edited file read back must say what the form says, field by field, key by key, and in its body. Editing lines
    /// cannot change what other lines mean in YAML except through anchors and aliases; this catches that and anything
    /// else unforeseen, and the caller then writes the front matter afresh.
    /// </summary>
    private static bool Means(string text, ArticleForm form, Visibility defaultVisibility, OtherFrontMatter other)
    {
        try
        {
            var again = ArticleForm.FromFile(text, defaultVisibility);
            return FrontMatterDocument.Read(text) is { } document &&
                Clean(again.Title) == Clean(form.Title) &&
                Clean(again.Summary) == Clean(form.Summary) &&
                again.TagList().SequenceEqual(form.TagList(), StringComparer.Ordinal) &&
                again.CategoryList().ToHashSet(StringComparer.Ordinal).SetEquals(form.CategoryList()) &&
                again.Visibility == form.Visibility &&
                Clean(again.Owner) == Clean(form.Owner) &&
                again.ReviewBy == form.ReviewBy.Trim() &&
                other.Matches(document) &&
                again.Body.Replace("\r\n", "\n", StringComparison.Ordinal) == form.Body.Replace("\r\n", "\n", StringComparison.Ordinal);
        }
        catch (FrontMatterException)
        {
            return false;
        }
    }
}
