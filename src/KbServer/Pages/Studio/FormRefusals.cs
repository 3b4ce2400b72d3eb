using KbCore.Outcomes;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace KbServer.Pages.Studio;

/// <summary>
/// The one mapping from a service's refusal to a studio form: the page's error banner shows its message, and a
/// refusal that names a field also marks that field, so validation tags beside it say what to fix. Pages answer
/// 200 with the form either way: the person reads the sentence, whatever its kind.
/// </summary>
internal static class FormRefusals
{
    /// <returns>The message for the page's <c>FormError</c>; null when there is no refusal.</returns>
    public static string? Show(this ModelStateDictionary modelState, Refusal? refusal)
    {
        ArgumentNullException.ThrowIfNull(modelState);
        if (refusal is null)
        {
            return null;
        }

        if (refusal.Field is { } field)
        {
            modelState.AddModelError(field, refusal.Message);
        }

        return refusal.Message;
    }
}
