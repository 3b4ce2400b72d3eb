using KbCore.Content;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace KbServer.Pages.Studio;

/// <summary>
/// A studio page that edits one settings file of the repository as text (the ticket-category catalog, the search
/// synonyms): opened with its revision, checked by the page, never saved over a newer version, and saved the way
/// the review policy says (<see cref="SettingsFileSaver"/>).
/// </summary>
public abstract class SettingsFileEditorModel(ContentStore store, ContentWriter writer, SettingsFileSaver saver) : PageModel
{
    private IReadOnlyList<KbCore.Articles.ContentProblem>? _publishedProblems;

    [BindProperty]
    public string Yaml { get; set; } = string.Empty;

    /// <summary>The file's blob id when the editor opened it (empty: there was none), so no one's newer save is overwritten.</summary>
    [BindProperty]
    public string BaseRevision { get; set; } = string.Empty;

    /// <summary>The file as it is now, when it changed since the editor opened it.</summary>
    public string? TheirYaml { get; private set; }

    public IReadOnlyList<string> Errors { get; protected set; } = [];

    public string? Notice { get; protected set; }

    /// <summary>Problems of the published file itself (it may have been pushed from outside the studio).</summary>
    public IReadOnlyList<KbCore.Articles.ContentProblem> PublishedProblems => _publishedProblems ??= [.. Store.Current.Problems.Where(p => p.File == FileName)];

    /// <summary>What the help center serves now.</summary>
    protected ContentStore Store => store;

    protected abstract string FileName { get; }

    /// <summary>What the file is called in messages ("the catalog").</summary>
    protected abstract string Noun { get; }

    /// <summary>The text the editor starts from when the repository has no such file.</summary>
    protected abstract string Template { get; }

    protected abstract string CommitMessage { get; }

    /// <summary>Where a direct save returns to.</summary>
    protected abstract string SavedUrl { get; }

    /// <summary>Loads the published file into the editor.</summary>
    protected void OpenFile(bool saved)
    {
        var (text, revision) = writer.ReadSettingsFile(FileName);
        BaseRevision = revision ?? string.Empty;
        if (revision is not null && text is null)
        {
            Errors = [$"{FileName} is larger than {ContentWriter.MaxSettingsBytes / 1024} KB: edit it with git."];
        }

        Yaml = text ?? (revision is null ? Template : string.Empty);
        Notice = saved ? $"Saved: {Noun} applies now." : null;
    }

    /// <summary>
    /// Checks and saves the posted text: <paramref name="problemsOf"/> parses it and returns what stops the save;
    /// <paramref name="confirm"/>, when given, may stop it with a page of its own (a confirmation) by returning it.
    /// </summary>
    protected async Task<IActionResult> SaveFileAsync(Func<string, IReadOnlyList<string>> problemsOf, Func<IActionResult?>? confirm = null)
    {
        Yaml = (Yaml ?? string.Empty).Replace("\r\n", "\n", StringComparison.Ordinal);
        BaseRevision ??= string.Empty;
        if (Yaml.Length > ContentWriter.MaxSettingsBytes)
        {
            Errors = [$"{Capitalized} is limited to {ContentWriter.MaxSettingsBytes / 1024} KB."];
            return Page();
        }

        var (current, revision) = writer.ReadSettingsFile(FileName);
        if ((revision ?? string.Empty) != BaseRevision)
        {
            return Changed(current, revision);
        }

        Errors = problemsOf(Yaml);
        if (Errors.Count > 0)
        {
            return Page();
        }

        if (confirm?.Invoke() is { } stop)
        {
            return stop;
        }

        var (result, changeId, error) = await saver.SaveAsync(User, FileName, Yaml, CommitMessage, HttpContext.RequestAborted, BaseRevision).ConfigureAwait(false);
        if (result?.Status == SaveStatus.Conflict)
        {
            // Someone saved between the check above and the write: the writer refused it under its lock.
            return Changed(result.CurrentContent, result.CurrentRevision);
        }

        if (error is not null)
        {
            Errors = [error];
            return Page();
        }

        if (result?.Unchanged == true)
        {
            Notice = $"Nothing to save: {Noun} is already like this.";
            return Page();
        }

        return changeId is { } id ? Redirect($"/studio/changes/{id}") : Redirect(SavedUrl);
    }

    /// <summary>
    /// The small form beside the text: adds <paramref name="item"/> (YAML lines of one list item) at the end of the
    /// file as it was when the page was opened, leaving every other byte as it is, and saves it like the text form.
    /// </summary>
    protected Task<IActionResult> AppendAndSaveAsync(string item, Func<string, IReadOnlyList<string>> problemsOf)
    {
        ArgumentNullException.ThrowIfNull(item);
        var (current, revision) = writer.ReadSettingsFile(FileName);
        var text = revision is null ? Template : current ?? string.Empty;
        Yaml = (text.Length == 0 || text.EndsWith('\n') ? text : text + "\n") + item;
        if ((revision ?? string.Empty) != (BaseRevision ?? string.Empty))
        {
            // Opened before someone else's save: show theirs, with this addition on top, to save again.
            return Task.FromResult<IActionResult>(Changed(current, revision));
        }

        return SaveFileAsync(problemsOf);
    }

    /// <summary>A YAML scalar that reads back as exactly <paramref name="text"/>, whatever it holds.</summary>
    protected static string Quoted(string text) =>
        "\"" + (text ?? string.Empty).Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";

    /// <summary>Problems as the form shows them, with their lines.</summary>
    protected static string[] ErrorLines(IEnumerable<KbCore.Articles.ContentProblem> problems) =>
        problems.Where(p => p.Severity == KbCore.Articles.ContentProblem.Error).Select(p => p.Line > 0 ? $"Line {p.Line}: {p.Message}" : p.Message).ToArray();

    private string Capitalized => char.ToUpperInvariant(Noun[0]) + Noun[1..];

    /// <summary>Someone saved or pushed since the form was opened: show both, and let the next save start from theirs.</summary>
    private PageResult Changed(string? current, string? revision)
    {
        TheirYaml = current ?? string.Empty;
        BaseRevision = revision ?? string.Empty;
        Errors = [$"{Capitalized} changed since you opened it. Nothing was saved: bring your changes into the current version (below) and save again."];
        return Page();
    }
}
