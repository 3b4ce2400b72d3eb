using KbCore.Reviews;
using KbServer.Auth;

namespace KbServer.Pages.Studio;

/// <summary>
/// What waits for the signed-in reviewer, worked out once per request: the navigation's count and the dashboard's
/// panel both show it, and each would otherwise ask the database and git again.
/// </summary>
internal static class ReviewQueue
{
    private static readonly object Key = new();

    public static async Task<IReadOnlyList<ChangeRequest>> WaitingForYouAsync(this HttpContext context, ChangeRequests changes)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(changes);
        if (context.Items.TryGetValue(Key, out var known) && known is IReadOnlyList<ChangeRequest> waiting)
        {
            return waiting;
        }

        waiting = await changes.WaitingForAsync(CurrentAuthor.Reviewer(context.User), context.RequestAborted).ConfigureAwait(false);
        context.Items[Key] = waiting;
        return waiting;
    }
}
