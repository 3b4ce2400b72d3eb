using System.CommandLine;
using KbCore.Articles;
using KbCore.Content;
using KbCore.Rendering;
using KbCore.Themes;
using Microsoft.Extensions.Options;

namespace KbServer.Commands;

/// <summary>
/// <c>check</c>: validates the published branch (front matter, links, catalog) and exits non-zero on errors;
/// <c>check --refs</c> lists branches that <c>repair-refs</c> would remove instead; <c>check --theme NAME</c>
/// parses every template of a theme instead.
/// </summary>
internal static class CheckCommand
{
    public static Command Create()
    {
        var strict = new Option<bool>("--strict") { Description = "Fail on warnings (broken links) too." };
        var refs = new Option<bool>("--refs") { Description = "List ambiguous branches (refused names, case twins) instead; remove them with repair-refs." };
        var theme = new Option<string?>("--theme") { Description = "Parse every template, layout and partial of this theme (and the default ones it falls back to) instead." };
        var command = new Command("check", "Validate the content repository: front matter, links between articles, ticket-category catalog.")
        {
            strict,
            refs,
            theme,
        };
        command.TreatUnmatchedTokensAsErrors = false;
        command.SetAction(parse =>
        {
            using var host = CommandHost.Build(parse.UnmatchedTokens);
            try
            {
                if (parse.GetValue(theme) is { } name)
                {
                    return RunTheme(host.Services, name, Console.Out);
                }

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

    internal static int RunTheme(IServiceProvider services, string name, TextWriter output)
    {
        var directory = services.GetRequiredService<IOptions<ThemeOptions>>().Value.Directory;
        var renderer = new ThemeRenderer(Options.Create(new ThemeOptions { Directory = directory, Active = name }));
        if (renderer.ActiveTheme != name)
        {
            output.WriteLine($"check: no theme `{name}` in {renderer.Files.Root}");
            return 2;
        }

        var result = renderer.CheckTemplates();
        foreach (var error in result.Errors)
        {
            output.WriteLine(error.Message);
        }

        output.WriteLine($"Checked {result.Files} template files of theme `{name}`: {result.Errors.Count} errors.");
        return result.Errors.Count > 0 ? 1 : 0;
    }

    internal static int RunRefs(IServiceProvider services, TextWriter output)
    {
        var (_, findings) = RepairRefsCommand.RefFindings(services, output);
        output.WriteLine(findings.Count == 0 ? "No ambiguous refs." : $"{findings.Count} ambiguous refs; remove them with `repair-refs`.");
        return findings.Count > 0 ? 1 : 0;
    }
}
