using KbServer.Auth;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace KbServer.Pages.Studio;

/// <summary>Puts account errors next to the fields they belong to.</summary>
internal static class AccountForm
{
    /// <summary>Adds field errors under <paramref name="prefix"/>; returns the form-level error, if any.</summary>
    public static string? Apply(AccountResult result, ModelStateDictionary modelState, string prefix)
    {
        string? formError = null;
        foreach (var (field, message) in result.Errors)
        {
            if (field.Length == 0)
            {
                formError = message;
            }
            else
            {
                modelState.AddModelError($"{prefix}.{field}", message);
            }
        }

        return formError;
    }
}
