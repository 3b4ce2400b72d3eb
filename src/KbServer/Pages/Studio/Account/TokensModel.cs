using System.Security.Claims;
using KbCore.Accounts;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace KbServer.Pages.Studio.Account;

/// <summary>Each person manages their own tokens; the secret is shown once, right after creation.</summary>
public sealed class TokensModel(ApiTokenService tokens) : PageModel
{
    public IReadOnlyList<ApiToken> Tokens { get; private set; } = [];

    public string? Created { get; private set; }

    public string? FormError { get; private set; }

    public string Name { get; private set; } = string.Empty;

    public IReadOnlyList<string> Scopes { get; private set; } = [TokenScopes.ArticlesRead];

    private string UserId => User.FindFirstValue(ClaimTypes.NameIdentifier) ?? throw new InvalidOperationException("Signed-in user without an id");

    public async Task OnGetAsync() => await LoadAsync().ConfigureAwait(false);

    public async Task<IActionResult> OnPostCreateAsync(string? name, string[]? scopes)
    {
        var (known, unknown) = TokenScopes.Parse(string.Join(',', scopes ?? []));
        Name = name ?? string.Empty;
        Scopes = known;
        if (string.IsNullOrWhiteSpace(name) || name.Length > ApiTokenService.MaxNameLength)
        {
            FormError = $"Give the token a name of 1 to {ApiTokenService.MaxNameLength} characters.";
        }
        else if (unknown.Count > 0 || known.Count == 0)
        {
            FormError = "Pick at least one scope.";
        }
        else
        {
            Created = (await tokens.CreateAsync(UserId, name, known, HttpContext.RequestAborted).ConfigureAwait(false)).Secret;
            Name = string.Empty;
        }

        await LoadAsync().ConfigureAwait(false);
        return Page();
    }

    public async Task<IActionResult> OnPostRevokeAsync(long id)
    {
        if (!await tokens.RevokeAsync(UserId, id, HttpContext.RequestAborted).ConfigureAwait(false))
        {
            return NotFound();
        }

        return RedirectToPage();
    }

    private async Task LoadAsync() => Tokens = await tokens.ListAsync(UserId, HttpContext.RequestAborted).ConfigureAwait(false);
}
