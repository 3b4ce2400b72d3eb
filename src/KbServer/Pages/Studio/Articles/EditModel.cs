using System.Security.Claims;
using System.Text;
using System.Text.Json;
using KbCore.Articles;
using KbCore.Content;
using KbCore.Content.Images;
using KbCore.Rendering;
using KbCore.Reviews;
using KbServer.Auth;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace KbServer.Pages.Studio.Articles;

/// <summary>
/// The editor: front matter as fields, the body in CodeMirror, a live preview from the help center's pipeline,
/// drafts autosaved to the server, images by paste or drop, and saves that merge or show a conflict.
/// </summary>
[RequestSizeLimit(ImageTypes.MaxBytes + (1024 * 1024))]
public sealed class EditModel(ContentWriter writer, ContentStore store, EditorDrafts drafts, ArticleRenderer renderer, IOptions<ContentOptions> content, ChangeRequests changes) : PageModel
{
    /// <summary>The article's path; for a new article, what the author typed (normalized on save).</summary>
    [BindProperty(SupportsGet = true)]
    public string Path { get; set => field = value ?? string.Empty; } = string.Empty;

    [BindProperty]
    public bool IsNew { get; set; }

    /// <summary>True when this person's save cannot publish: it opens a change request and submits it for review.</summary>
    public bool OpensChangeRequest => Change is null && CurrentAuthor.PublishRefusal(User, changes) is not null;

    /// <summary>The change request this edit goes into (its branch), or null for the published branch.</summary>
    [BindProperty(SupportsGet = true)]
    public int? Change { get; set; }

    public ChangeRequest? ChangeRequest { get; private set; }

    [BindProperty]
    public string? BaseRevision { get; set; }

    [BindProperty]
    public ArticleForm Form { get; set; } = new();

    [BindProperty]
    public string? Message { get; set; }

    /// <summary>Pending uploads, each <c>images/name.png=blobsha</c> relative to the article's folder.</summary>
    [BindProperty]
    public List<string> Attachments { get; set; } = [];

    public string? FormError { get; private set; }

    public string? Notice { get; private set; }

    public DateTime? DraftRestoredAt { get; private set; }

    /// <summary>On a conflict: the article as it is now, which the author merges into their version.</summary>
    public string? TheirText { get; private set; }

    public bool TheirsDeleted { get; private set; }

    public IReadOnlyList<KbCore.TicketCategories.TicketCategory> Catalog => store.Current.TicketCategories.Categories;

    private Visibility DefaultVisibility =>
        string.Equals(content.Value.DefaultVisibility, "internal", StringComparison.OrdinalIgnoreCase) ? Visibility.Internal : Visibility.Public;

    private string UserId => User.FindFirstValue(ClaimTypes.NameIdentifier)!;

    private string DraftKey => IsNew ? string.Empty : Path;

    /// <param name="ticketCategory">For a new article: link it to this category at once (the "write this next" report's link).</param>
    /// <param name="title">For a new article: its title to start from (the same link's, from what customers asked).</param>
    public async Task<IActionResult> OnGetAsync(string? folder, string? saved, string? ticketCategory, string? title)
    {
        // Nothing was submitted yet: an empty path is not an error on a new article's first view.
        ModelState.Clear();
        IsNew = string.IsNullOrEmpty(Path);
        ChangeRequest = Change is { } id ? await changes.FindAsync(id, HttpContext.RequestAborted).ConfigureAwait(false) : null;
        if (Change is not null && (ChangeRequest is null || !ChangeRequestStates.IsOpen(ChangeRequest.State)))
        {
            return NotFound();
        }

        if (!IsNew)
        {
            if (writer.Read(Path, ChangeRequest?.Branch) is not { } file)
            {
                return NotFound();
            }

            BaseRevision = file.Revision;
            try
            {
                // An article without a visibility key has the installation's default: the form must show (and save) that.
                Form = ArticleForm.FromFile(file.Text, DefaultVisibility);
            }
            catch (FrontMatterException e)
            {
                FormError = $"The front matter has an error on line {e.Line} ({e.Message}). The whole file is in the text below: fix it there, or fill in the fields and remove it.";
                Form = new ArticleForm { Body = file.Text };
            }
        }
        else
        {
            Path = string.IsNullOrEmpty(folder) ? string.Empty : folder.Trim('/') + "/";
            Form.Visibility = DefaultVisibility == Visibility.Internal ? "internal" : "public";
            if (ticketCategory is not null && store.Current.TicketCategories.Contains(ticketCategory))
            {
                Form.TicketCategories = [ticketCategory];
            }

            Form.Title = StartingTitle(title);
        }

        if (saved is not null)
        {
            Notice = $"Saved as commit {saved}. It is live on the help center.";
        }

        if (await drafts.FindAsync(UserId, DraftKey, HttpContext.RequestAborted).ConfigureAwait(false) is { } draft && Restore(draft))
        {
            DraftRestoredAt = draft.UpdatedAt;
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync([FromServices] ContentRepository repository)
    {
        ModelState.Clear();
        foreach (var (field, message) in Form.Validate())
        {
            ModelState.AddModelError($"{nameof(Form)}.{field}", message);
        }

        var path = Path.Trim().Trim('/');
        if (ArticlePaths.Validate(path) is { } pathError)
        {
            ModelState.AddModelError(nameof(Path), pathError);
        }

        if (!ModelState.IsValid)
        {
            FormError = "Nothing was saved: correct the fields marked below.";
            return Page();
        }

        // Under a review policy the edit goes into a change request: this one, or a new one named after the edit,
        // submitted for review at once (the button said so).
        var submitForReview = OpensChangeRequest;
        if (submitForReview)
        {
            var (created, refusal) = await changes.CreateAsync(ChangeRequestTitle(), CurrentAuthor.Reviewer(User), HttpContext.RequestAborted).ConfigureAwait(false);
            if (created is null)
            {
                // Not ModelState.Show: the refusal's "title" field is the change request's, which this form does not have.
                FormError = refusal!.Message;
                return Page();
            }

            Change = created.Id;
        }

        var folder = path.LastIndexOf('/') is var slash and >= 0 ? path[..(slash + 1)] : string.Empty;
        var attachments = Attachments.Select(a => a.Split('=', 2)).Where(p => p.Length == 2).Select(p => new ArticleAttachment(folder + p[0], p[1])).ToList();
        var text = Form.ToFile(IsNew ? null : BaseText(repository), DefaultVisibility);
        var result = Change is { } change
            ? await SaveIntoChangeAsync(change, path, text, attachments).ConfigureAwait(false)
            : await writer.SaveAsync(path, text, IsNew ? null : BaseRevision, CurrentAuthor.Of(User), Message, HttpContext.RequestAborted, attachments).ConfigureAwait(false);
        switch (result.Status)
        {
            case SaveStatus.Committed:
                await drafts.DiscardAsync(UserId, DraftKey, HttpContext.RequestAborted).ConfigureAwait(false);
                if (IsNew)
                {
                    await drafts.DiscardAsync(UserId, path, HttpContext.RequestAborted).ConfigureAwait(false);
                }

                if (submitForReview && Change is { } opened)
                {
                    await changes.SubmitAsync(opened, CurrentAuthor.Reviewer(User), HttpContext.RequestAborted).ConfigureAwait(false);
                }

                return Change is { } savedInto
                    ? Redirect($"/studio/changes/{savedInto}?saved={result.CommitSha![..7]}")
                    : Redirect($"/studio/edit?path={Uri.EscapeDataString(path)}&saved={result.CommitSha![..7]}");
            case SaveStatus.Conflict:
                TheirText = result.CurrentContent;
                TheirsDeleted = result.CurrentContent is null;
                FormError = TheirsDeleted
                    ? "Someone deleted or moved this article while you were editing. Your text is below; save it as a new article to bring it back."
                    : IsNew
                        ? "An article already exists at this path. Choose another path, or open that article to edit it."
                        : "Someone else changed the same lines while you were editing. Their version is on the left and is live now; nothing of yours was saved yet. Bring what you need from theirs into yours, then save.";
                if (!IsNew && result.CurrentRevision is not null)
                {
                    BaseRevision = result.CurrentRevision;
                }

                if (TheirsDeleted)
                {
                    IsNew = true;
                }

                return Page();
            default:
                var key = result.Field switch
                {
                    "path" => nameof(Path),
                    "content" => $"{nameof(Form)}.{nameof(ArticleForm.Body)}",
                    _ => null,
                };
                if (key is null)
                {
                    FormError = result.Error;
                }
                else
                {
                    ModelState.AddModelError(key, result.Error ?? "Invalid.");
                    FormError = "Nothing was saved: correct the fields marked below.";
                }

                return Page();
        }
    }

    /// <summary>A change request's title from the edit: the message's first line, or what was edited; always a valid title.</summary>
    private string ChangeRequestTitle()
    {
        var first = (Message ?? string.Empty).Split('\n')[0].Trim();
        var title = first.Length > 0 ? first : $"{(IsNew ? "Add" : "Update")} {(string.IsNullOrWhiteSpace(Form.Title) ? Path : Form.Title.Trim())}";
        title = new string(title.Where(c => !char.IsControl(c)).ToArray());
        return title.Length > ChangeRequest.MaxTitleLength ? title[..ChangeRequest.MaxTitleLength] : title;
    }

    /// <summary>
    /// The file as committed at <see cref="BaseRevision"/>, which is what the author opened and changed. It is read from
    /// the repository by its blob SHA, never taken from the form, and only decides how the untouched front matter is
    /// kept: what the save means comes from the form, and the writer still checks the revision against the branch.
    /// </summary>
    private string? BaseText(ContentRepository repository) =>
        IsBlobSha(BaseRevision) && repository.ReadBlob(BaseRevision, 2L * ContentWriter.MaxContentBytes) is { } bytes ? Encoding.UTF8.GetString(bytes) : null;

    /// <summary>Only a full SHA: a revision expression (<c>main:path</c>) would read whatever it names.</summary>
    private static bool IsBlobSha([System.Diagnostics.CodeAnalysis.NotNullWhen(true)] string? sha) => sha is { Length: 40 } && sha.All(Uri.IsHexDigit);

    private async Task<SaveResult> SaveIntoChangeAsync(int change, string path, string text, IReadOnlyList<ArticleAttachment> attachments)
    {
        var request = await changes.FindAsync(change, HttpContext.RequestAborted).ConfigureAwait(false);
        if (request is null)
        {
            return SaveResult.Reject("change", $"There is no change request #{change}.");
        }

        ChangeRequest = request;
        var saved = await changes.SaveAsync(change, path, text, IsNew ? null : BaseRevision, CurrentAuthor.Reviewer(User), Message, HttpContext.RequestAborted, attachments).ConfigureAwait(false);
        return saved;
    }

    /// <summary>Autosave: the whole form, kept until the article is saved.</summary>
    public async Task<IActionResult> OnPostDraftAsync()
    {
        if (!IsNew && ArticlePaths.Validate(Path) is not null)
        {
            return BadRequest();
        }

        var json = JsonSerializer.Serialize(new DraftState(Form, Message, Attachments, IsNew ? Path : null));
        return await drafts.SaveAsync(UserId, DraftKey, IsNew ? null : BaseRevision, json, HttpContext.RequestAborted).ConfigureAwait(false)
            ? StatusCode(StatusCodes.Status204NoContent)
            : StatusCode(StatusCodes.Status413PayloadTooLarge);
    }

    public async Task<IActionResult> OnPostDiscardDraftAsync()
    {
        await drafts.DiscardAsync(UserId, DraftKey, HttpContext.RequestAborted).ConfigureAwait(false);
        return Redirect(IsNew ? "/studio/edit" : $"/studio/edit?path={Uri.EscapeDataString(Path)}");
    }

    /// <summary>The body rendered exactly as the help center will render it; pending images point at their uploads.</summary>
    public IActionResult OnPostPreview()
    {
        var snapshot = store.Current;
        var path = ArticlePaths.Validate(Path.Trim('/')) is null ? Path.Trim('/') : "preview";
        var body = Form.Body ?? string.Empty;
        if (body.Length > ContentWriter.MaxContentBytes)
        {
            return Content("<p>The text is too long to preview.</p>", "text/html");
        }

        foreach (var pending in Attachments.Select(a => a.Split('=', 2)).Where(p => p.Length == 2))
        {
            body = body.Replace($"]({pending[0]})", $"]({Request.Scheme}://{Request.Host}/studio/edit?handler=Blob&sha={Uri.EscapeDataString(pending[1])})", StringComparison.Ordinal);
        }

        var article = new Article(path, path + ".md", "preview", Form.Title, new ArticleMetadata { Title = Form.Title, Visibility = Visibility.Internal }, body, 1);
        return Content(renderer.RenderPreview(article, snapshot.Links).Html, "text/html");
    }

    /// <summary>An image by paste or drop: checked by its bytes and header, stripped of metadata, stored as a blob, committed with the next save.</summary>
    public IActionResult OnPostUpload(IFormFile? file)
    {
        if (file is null || file.Length == 0)
        {
            return BadRequest(new { error = "No file arrived." });
        }

        if (file.Length > ImageTypes.MaxBytes)
        {
            return BadRequest(new { error = $"{file.FileName} is {file.Length / (1024 * 1024.0):0.#} MB; images can be at most {ImageTypes.MaxBytes / (1024 * 1024)} MB." });
        }

        using var memory = new MemoryStream();
        file.CopyTo(memory);
        var bytes = memory.ToArray();
        if (ImageTypes.Detect(bytes) is not { } extension)
        {
            var svg = file.FileName.EndsWith(".svg", StringComparison.OrdinalIgnoreCase) || file.ContentType.Contains("svg", StringComparison.OrdinalIgnoreCase);
            return BadRequest(new
            {
                error = svg
                    ? $"{file.FileName}: SVG images are refused because they can contain scripts. Export it as PNG."
                    : $"{file.FileName} is not a PNG, JPEG, GIF or WebP image (its content says otherwise, whatever its name).",
            });
        }

        // The header, before anything decodes the image: a small file may declare billions of pixels.
        if (ImageHeaders.Check(bytes, content.Value.MaxImagePixels) is { } refusal)
        {
            return BadRequest(new { error = $"{file.FileName} cannot be used: {refusal}." });
        }

        // Everyone can download it once committed: what the camera or editor wrote about the author goes first.
        bytes = ImageMetadata.Strip(bytes);
        var stem = ArticlePaths.Slugify(System.IO.Path.GetFileNameWithoutExtension(file.FileName));
        var sha = writer.StoreBlob(bytes);
        var name = $"images/{(stem.Length == 0 ? "image" : stem)}-{sha[..7]}.{extension}";
        var alt = stem.Length == 0 ? "image" : stem.Replace('-', ' ');
        return new JsonResult(new { markdown = $"![{alt}]({name})", attachment = $"{name}={sha}" });
    }

    /// <summary>Serves an uploaded, not yet saved image to the preview; only image blobs are served.</summary>
    public IActionResult OnGetBlob(string? sha, [FromServices] ContentRepository repository)
    {
        if (!IsBlobSha(sha) || repository.ReadBlob(sha, ImageTypes.MaxBytes) is not { } bytes || ImageTypes.Detect(bytes) is not { } extension)
        {
            return NotFound();
        }

        return File(bytes, ImageTypes.ContentType(extension));
    }

    private bool Restore(EditorDraft draft)
    {
        try
        {
            if (JsonSerializer.Deserialize<DraftState>(draft.FormJson) is not { } state)
            {
                return false;
            }

            Form = state.Form;
            Message = state.Message;
            Attachments = state.Attachments ?? [];
            if (IsNew && !string.IsNullOrEmpty(state.NewPath))
            {
                Path = state.NewPath;
            }

            BaseRevision = IsNew ? null : draft.BaseRevision ?? BaseRevision;
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private sealed record DraftState(ArticleForm Form, string? Message, List<string>? Attachments, string? NewPath);

    /// <summary>
    /// A title from the address, as plain text on one line and no longer than a title may be: anyone can make such a
    /// link, so it is only ever a suggestion in the field (encoded there like any value), never saved unseen.
    /// </summary>
    private static string StartingTitle(string? title)
    {
        if (string.IsNullOrWhiteSpace(title))
        {
            return string.Empty;
        }

        var text = string.Join(' ', title.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        text = new string([.. text.Where(c => !char.IsControl(c))]);
        return text.Length > ArticleForm.MaxTitleLength ? text[..ArticleForm.MaxTitleLength].TrimEnd() : text;
    }
}
