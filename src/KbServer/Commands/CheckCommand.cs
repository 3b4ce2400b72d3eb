using System.CommandLine;
using KbCore.Articles;
using KbCore.Content;
using KbCore.Rendering;

namespace KbServer.Commands;

/// <summary>
/// <c>check</c>: validates the published branch (front matter, links, catalog) and exits non-zero on errors;
/// <c>check --refs</c> lists branches that <c>repair-refs</c> would remove instead.
/// </summary>
internal static class CheckCommand
{
    public static Command Create()
    {
        var strict = new Option<bool>("--strict") { Description = "Fail on warnings (broken links) too." };
        var refs = new Option<bool>("--refs") { Description = "List ambiguous branches (refused names, case twins) instead; remove them with repair-refs." };
        var command = new Command("check", "Validate the content repository: front matter, links between articles, ticket-category catalog.")
        {
            strict,
            refs,
        };
        command.TreatUnmatchedTokensAsErrors = false;
        command.SetAction(parse =>
        {
            using var host = CommandHost.Build(parse.UnmatchedTokens);
            try
            {
                return parse.GetValue(refs) ? RunRefs(host.Services, Console.Out) : Run(host.Services, parse.GetValue(strict), Console.Out);
            }
            catch (KbCore.Content.ContentRepositoryNotFoundException e)
            {
                Console.Error.WriteLine("check: " + e.Message);
                return 2;
            }
        });
        return command;
    }

    internal static int Run(IServiceProvider services, bool strict, TextWriter output)
    {
        var store = services.GetRequiredService<ContentStore>();
        var renderer = services.GetRequiredService<ArticleRenderer>();
        var snapshot = store.Current;
        var problems = snapshot.Problems.ToList();
        foreach (var article in snapshot.Articles.Values.OrderBy(a => a.Path, StringComparer.Ordinal))
        {
            var rendered = renderer.Render(article, snapshot.Links);
            // An article past the limits is reported once, by the snapshot, with its line.
            if (rendered.Error is not null && !problems.Any(p => p.File == article.FilePath && p.Severity == ContentProblem.Error))
            {
                problems.Add(new ContentProblem(article.FilePath, article.BodyLine, ContentProblem.Error, "markdown cannot be rendered: " + rendered.Error));
            }

            foreach (var link in rendered.BrokenLinks)
            {
                problems.Add(new ContentProblem(article.FilePath, link.Line, ContentProblem.Warning, $"broken link to `{link.Target}`"));
            }
        }

        foreach (var problem in problems.OrderBy(p => p.File, StringComparer.Ordinal).ThenBy(p => p.Line))
        {
            output.WriteLine(problem.ToString());
        }

        var errors = problems.Count(p => p.Severity == ContentProblem.Error);
        var warnings = problems.Count - errors;
        output.WriteLine($"Checked {snapshot.Articles.Count} articles at {(snapshot.ShortSha.Length > 0 ? snapshot.ShortSha : "(empty)")}: {errors} errors, {warnings} warnings.");
        return errors > 0 || (strict && warnings > 0) ? 1 : 0;
    }

    internal static int RunRefs(IServiceProvider services, TextWriter output)
    {
        var (_, findings) = RepairRefsCommand.RefFindings(services, output);
        output.WriteLine(findings.Count == 0 ? "No ambiguous refs." : $"{findings.Count} ambiguous refs; remove them with `repair-refs`.");
        return findings.Count > 0 ? 1 : 0;
    }
}
