using Microsoft.Playwright;

namespace KbServer.E2E;

/// <summary>Pages of a journey that record every console error and uncaught script error, and signing in on them.</summary>
internal static class StudioPages
{
    public static async Task<IPage> NewPageAsync(IBrowserContext context, List<string> consoleErrors)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(consoleErrors);
        var page = await context.NewPageAsync();
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                consoleErrors.Add(message.Text);
            }
        };
        page.PageError += (_, error) => consoleErrors.Add(error);
        return page;
    }

    /// <summary>A new page signed in to the studio, on the dashboard.</summary>
    public static async Task<IPage> SignInAsync(IBrowserContext context, Uri root, string email, string password, List<string> consoleErrors)
    {
        var page = await NewPageAsync(context, consoleErrors);
        await page.GotoAsync(new Uri(root, "/studio/login").ToString());
        await page.FillAsync("#email", email);
        await page.FillAsync("#password", password);
        await page.ClickAsync("#sign-in");
        await page.WaitForURLAsync(url => url.EndsWith("/studio", StringComparison.Ordinal));
        return page;
    }
}
