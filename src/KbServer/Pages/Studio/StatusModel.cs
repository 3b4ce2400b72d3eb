using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace KbServer.Pages.Studio;

/// <summary>The body of studio error statuses (re-executed, so the status code and URL stay as they were).</summary>
[AllowAnonymous]
public sealed class StatusModel : PageModel
{
    public int Code { get; private set; }

    public string Heading => Code switch
    {
        403 => "You don't have access to this page",
        404 => "There is nothing here",
        400 => "That request could not be used",
        _ => "Something went wrong",
    };

    public string Explanation => Code switch
    {
        403 => "Your role does not include it. Ask an admin if you need it.",
        404 => "The page or item may have been moved or deleted.",
        400 => "The form may have expired: go back, reload the page and try again.",
        _ => "Try again in a moment.",
    };

    public void OnGet(int code) => Code = code;
}
