using System.CommandLine;
using KbCore.Content;
using KbCore.Search;

namespace KbServer.Commands;

/// <summary><c>reindex</c>: rebuilds the search index from the published branch, showing progress.</summary>
internal static class ReindexCommand
{
    public static Command Create()
    {
        var command = new Command("reindex", "Rebuild the search index from the published branch (beside the live one, then swapped in).");
        command.TreatUnmatchedTokensAsErrors = false;
        command.SetAction(parse =>
        {
            using var host = CommandHost.Build(parse.UnmatchedTokens);
            try
            {
                return Run(host.Services, Console.Out, interactive: !Console.IsOutputRedirected);
            }
            catch (ContentRepositoryNotFoundException e)
            {
                Console.Error.WriteLine("reindex: " + e.Message);
                return 2;
            }
        });
        return command;
    }

    internal static int Run(IServiceProvider services, TextWriter output, bool interactive)
    {
        var snapshot = services.GetRequiredService<ContentStore>().Current;
        var index = services.GetRequiredService<SearchIndex>();
        output.WriteLine($"Indexing {snapshot.Articles.Count} articles at {(snapshot.ShortSha.Length > 0 ? snapshot.ShortSha : "(empty)")}...");
        var bar = new ProgressBar(output, interactive);
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        index.Rebuild(snapshot, bar);
        bar.Finish();
        var semantic = services.GetRequiredService<KbCore.Search.Semantic.SemanticIndex>();
        if (semantic.Progress.State != "off")
        {
            // Vectors are kept by the text they embed: only articles whose text is new to the cache go through the model.
            output.WriteLine("Embedding articles for semantic search (vectors of unchanged articles are reused)...");
            var vectors = new ProgressBar(output, interactive);
            semantic.Update(snapshot, vectors);
            vectors.Finish();
            output.WriteLine(semantic.Progress.Warning ?? $"{semantic.EmbeddedCount} texts embedded; the other vectors came from the cache.");
        }

        output.WriteLine($"Done in {System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalSeconds:F1} s. A running server keeps its current index until it restarts.");
        return 0;
    }
}
