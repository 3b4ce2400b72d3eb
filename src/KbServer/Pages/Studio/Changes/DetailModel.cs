using DiffPlex.DiffBuilder;
using DiffPlex.DiffBuilder.Model;
using KbCore.Articles;
using KbCore.Content;
using KbCore.Outcomes;
using KbCore.Rendering;
using KbCore.Reviews;
using KbServer.Auth;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace KbServer.Pages.Studio.Changes;

/// <summary>One change request: every changed article rendered and as a diff with line comments, its reviews, and the actions.</summary>
public sealed class DetailModel(ChangeRequests changes, ContentStore store, ArticleRenderer renderer) : PageModel
{
    public ChangeRequest Change { get; private set; } = null!;

    public IReadOnlyList<FileView> Files { get; private set; } = [];

    public IReadOnlyList<CommitSummary> Commits { get; private set; } = [];

    /// <summary>The branch head this page shows; review forms post it back.</summary>
    public string Head => Commits.Count > 0 ? Commits[0].Sha : Change.BaseCommit;

    /// <summary><c>side</c> for side-by-side diffs; inline otherwise (line comments are made inline).</summary>
    [BindProperty(SupportsGet = true)]
    public string? View { get; set; }

    public ReviewPolicy Policy { get; private set; } = ReviewPolicy.Default;

    public string? FormError { get; private set; }

    /// <summary>After "update from the published branch": the files to settle by hand.</summary>
    public IReadOnlyList<MergeConflict> Conflicts { get; private set; } = [];

    /// <summary>The published tip the conflicts were computed against; the settle form posts it back.</summary>
    public string? PublishedTip { get; private set; }

    public string? Notice { get; private set; }

    public string UserId => CurrentAuthor.Reviewer(User).UserId;

    public bool CanReview => CurrentAuthor.Reviewer(User).Roles.Any(r => r is KbCore.Accounts.KbRoles.Reviewer or KbCore.Accounts.KbRoles.Admin);

    /// <summary>Approvals given at the head this page shows, counted as the merge counts them (each reviewer's latest verdict).</summary>
    public int CurrentApprovals => ChangeRequests.CurrentApprovals(Change, Head).Count;

    public bool ApprovedByMe => ChangeRequests.CurrentApprovals(Change, Head).Any(r => r.ReviewerId == UserId);

    /// <summary>Whether this person may approve now: a reviewer who has not approved these changes, and not their author unless the policy allows it.</summary>
    public bool CanApprove => CanReview && !ApprovedByMe && (Change.AuthorId != UserId || Policy.AuthorsMayApproveOwn);

    /// <summary>The published version of a conflicting file, line by line against this request's, so what differs stands out.</summary>
    public static DiffPaneModel ConflictDiff(MergeConflict conflict)
    {
        ArgumentNullException.ThrowIfNull(conflict);
        return InlineDiffBuilder.Diff(conflict.Ours ?? string.Empty, conflict.Theirs ?? string.Empty, ignoreWhiteSpace: false);
    }

    public async Task<IActionResult> OnGetAsync(int id, string? saved)
    {
        if (!await LoadAsync(id).ConfigureAwait(false))
        {
            return NotFound();
        }

        Notice = saved is null ? null : $"Saved as commit {saved} on {Change.Branch}. The help center changes when this is merged.";
        return Page();
    }

    public Task<IActionResult> OnPostSubmitAsync(int id) => ActAsync(id, () => changes.SubmitAsync(id, CurrentAuthor.Reviewer(User), HttpContext.RequestAborted));

    /// <param name="head">The branch head the page showed: the verdict covers exactly what the reviewer saw.</param>
    public Task<IActionResult> OnPostApproveAsync(int id, string? head) =>
        ActAsync(id, () => changes.ReviewAsync(id, CurrentAuthor.Reviewer(User), ChangeRequestReview.Approve, HttpContext.RequestAborted, head ?? string.Empty));

    public Task<IActionResult> OnPostRequestChangesAsync(int id, string? head) =>
        ActAsync(id, () => changes.ReviewAsync(id, CurrentAuthor.Reviewer(User), ChangeRequestReview.RequestChanges, HttpContext.RequestAborted, head ?? string.Empty));

    public Task<IActionResult> OnPostCloseAsync(int id) => ActAsync(id, () => changes.CloseAsync(id, CurrentAuthor.Reviewer(User), HttpContext.RequestAborted));

    public Task<IActionResult> OnPostCommentAsync(int id, string? path, int line, string? body) =>
        ActAsync(id, () => changes.CommentAsync(id, path ?? string.Empty, line, body ?? string.Empty, CurrentAuthor.Reviewer(User), HttpContext.RequestAborted));

    public Task<IActionResult> OnPostUpdateAsync(int id) => UpdateAsync(id, null, null);

    /// <summary>The author's settled text for each conflicting file (paths and texts are posted in the same order).</summary>
    public Task<IActionResult> OnPostResolveAsync(int id, string[]? paths, string[]? texts, string? published)
    {
        var resolutions = new Dictionary<string, string?>(StringComparer.Ordinal);
        for (var i = 0; paths is not null && texts is not null && i < Math.Min(paths.Length, texts.Length); i++)
        {
            // An emptied text (bound as null) removes the file: how a modify/delete conflict is settled as "delete".
            resolutions[paths[i]] = string.IsNullOrEmpty(texts[i]) ? null : texts[i].Replace("\r\n", "\n", StringComparison.Ordinal);
        }

        return UpdateAsync(id, resolutions, published ?? string.Empty);
    }

    private async Task<IActionResult> UpdateAsync(int id, IReadOnlyDictionary<string, string?>? resolutions, string? published)
    {
        var update = await changes.UpdateFromPublishedAsync(id, CurrentAuthor.Reviewer(User), resolutions, HttpContext.RequestAborted, published).ConfigureAwait(false);
        if (!await LoadAsync(id).ConfigureAwait(false))
        {
            return NotFound();
        }

        Conflicts = update.Conflicts;
        PublishedTip = update.PublishedTip;
        (Notice, FormError) = update switch
        {
            { Status: SaveStatus.Committed, CommitSha: null } => ("Already up to date with the published branch.", null),
            { Status: SaveStatus.Committed } => ($"Updated from the published branch as commit {update.CommitSha![..7]}.", (string?)null),
            { Status: SaveStatus.Conflict } when resolutions is not null => (null, "The published branch changed while you were settling the conflicts: here they are again against its latest version. Nothing was written."),
            { Status: SaveStatus.Conflict } => (null, "Some files changed on both sides. Settle each one below; nothing is written until all are settled."),
            { Status: SaveStatus.Rejected } => (null, "Only its author and admins can update this change request."),
            _ => (null, "This change request is not open."),
        };
        return Page();
    }

    public async Task<IActionResult> OnPostRevertAsync(int id)
    {
        var (revert, refusal) = await changes.RevertAsync(id, CurrentAuthor.Reviewer(User), HttpContext.RequestAborted).ConfigureAwait(false);
        if (revert is not null)
        {
            return Redirect($"/studio/changes/{revert.Id}");
        }

        if (!await LoadAsync(id).ConfigureAwait(false))
        {
            return NotFound();
        }

        FormError = ModelState.Show(refusal);
        return Page();
    }

    public async Task<IActionResult> OnPostMergeAsync(int id)
    {
        var (commit, refusal) = await changes.MergeAsync(id, CurrentAuthor.Reviewer(User), HttpContext.RequestAborted).ConfigureAwait(false);
        if (!await LoadAsync(id).ConfigureAwait(false))
        {
            return NotFound();
        }

        FormError = ModelState.Show(refusal);
        Notice = commit is null ? null : $"Merged as commit {commit[..7]}: it is on the help center now.";
        return Page();
    }

    private async Task<IActionResult> ActAsync(int id, Func<Task<Refusal?>> action)
    {
        var refusal = await action().ConfigureAwait(false);
        if (refusal is null)
        {
            // Post/redirect/get: a reload does not repeat the action.
            return Redirect($"/studio/changes/{id}");
        }

        if (!await LoadAsync(id).ConfigureAwait(false))
        {
            return NotFound();
        }

        FormError = ModelState.Show(refusal);
        return Page();
    }

    private async Task<bool> LoadAsync(int id)
    {
        if (await changes.FindAsync(id, HttpContext.RequestAborted).ConfigureAwait(false) is not { } request)
        {
            return false;
        }

        Change = request;
        Policy = changes.Policy();
        Commits = changes.Commits(request);
        var comments = await changes.CommentsAsync(id, HttpContext.RequestAborted).ConfigureAwait(false);
        var files = new List<FileView>();
        foreach (var file in changes.Changes(request))
        {
            var isArticle = file.Path.EndsWith(".md", StringComparison.OrdinalIgnoreCase);
            var path = isArticle ? file.Path[..^3] : file.Path;

            // Settings and catalogs (.kb/policy.yml, ticket-categories.yml) are reviewed as text like articles are.
            var isText = isArticle || System.IO.Path.GetExtension(file.Path).ToLowerInvariant() is ".yml" or ".yaml" or ".json" or ".txt" or ".csv";
            if (!isText)
            {
                files.Add(new FileView(file, path, false, null, null, []));
                continue;
            }

            var (before, after) = changes.Texts(request, file.Path);
            var diff = InlineDiffBuilder.Diff(before ?? string.Empty, after ?? string.Empty, ignoreWhiteSpace: false);
            var side = View == "side" ? SideBySideDiffBuilder.Diff(before ?? string.Empty, after ?? string.Empty, ignoreWhiteSpace: false) : null;
            files.Add(new FileView(file, path, isArticle, after is null || !isArticle ? null : Render(path, file.Path, after), diff, comments.Where(c => c.Path == path).ToList()) { Side = side });
        }

        Files = files;
        return true;
    }

    private string Render(string path, string filePath, string text)
    {
        try
        {
            var parsed = FrontMatterParser.Parse(text, Visibility.Internal);
            var article = new Article(path, filePath, "change-preview", parsed.Metadata.Title ?? path, parsed.Metadata, parsed.Body, parsed.BodyLine);
            return renderer.RenderPreview(article, store.Current.Links).Html;
        }
        catch (FrontMatterException e)
        {
            return $"<p>The front matter has an error on line {e.Line}.</p>";
        }
    }

    /// <summary>One changed file: its rendered text and its diff with the comments on its lines.</summary>
    public sealed record FileView(ChangedFile File, string Path, bool IsArticle, string? Html, DiffPaneModel? Diff, IReadOnlyList<ReviewComment> Comments)
    {
        public SideBySideDiffModel? Side { get; init; }
    }
}
