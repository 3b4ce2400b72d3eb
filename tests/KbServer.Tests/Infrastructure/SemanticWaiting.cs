using KbCore.Content;
using KbCore.Search.Semantic;
using Microsoft.Extensions.DependencyInjection;

namespace KbServer.Tests.Infrastructure;

public static class SemanticWaiting
{
    /// <summary>Waits until the lexical index and the vectors both reflect the published commit.</summary>
    public static async Task WaitForVectorsAsync(this KbServerFactory factory)
    {
        ArgumentNullException.ThrowIfNull(factory);
        await factory.WaitForIndexAsync();
        var semantic = factory.Services.GetRequiredService<SemanticIndex>();
        var store = factory.Services.GetRequiredService<ContentStore>();
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (semantic.Commit != store.Current.CommitSha)
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"vectors {semantic.Progress} at {semantic.Commit ?? "nothing"}, content at {store.Current.CommitSha}");
            }

            await Task.Delay(25);
        }
    }
}
