using Fluid;

namespace KbCore.Themes.Lint;

/// <summary>
/// What <c>check --theme</c> finds beyond syntax: variables no caller provides, member paths the view
/// records do not have, filters that are not registered, includes of partials that do not exist. Liquid
/// renders each of these as nothing, so without a check a typo ships as a silently empty page part.
/// </summary>
internal static class ThemeLint
{
    public static IReadOnlyList<ThemeException> Check(IReadOnlyList<LintFile> files, FilterCollection filters, Func<string, bool> partialExists)
    {
        var names = files.ToDictionary(f => f.Name, f =>
        {
            var collected = new ThemeNames();
            collected.VisitTemplate(f.Template);
            return collected;
        });
        var findings = new List<ThemeException>();
        foreach (var file in files)
        {
            var visible = new Dictionary<string, Type?>(ThemePages.Globals, StringComparer.Ordinal)
            {
                ["page"] = file.Name.StartsWith("templates/", StringComparison.Ordinal)
                    && ThemePages.Models.TryGetValue(file.Name["templates/".Length..], out var page)
                        ? page
                        : ThemeLintVisitor.AnyPage,
            };
            foreach (var name in names[file.Name].Assigned)
            {
                visible.TryAdd(name, null);
            }

            // A partial sees what its includes pass; partials and layouts share their caller's scope, so they
            // also see whatever any template assigns.
            var includers = names.Values.Where(n => n.Passed.ContainsKey(file.Name)).ToList();
            var shared = !file.Name.StartsWith("templates/", StringComparison.Ordinal);
            foreach (var name in includers.SelectMany(n => n.Passed[file.Name])
                .Concat(shared ? names.Values.SelectMany(n => n.Assigned) : []))
            {
                visible.TryAdd(name, null);
            }

            var helpers = Tags.HelperTags.All.Where(h => h.Partial == file.Name).ToList();
            foreach (var helper in helpers)
            {
                foreach (var name in helper.Defaults.Keys.Concat(helper.Optional))
                {
                    visible.TryAdd(name, null);
                }
            }

            var visitor = new ThemeLintVisitor(file.Display, new Tags.SourceLines(file.Source), visible, filters, partialExists,
                callersKnown: !file.Name.StartsWith("partials/", StringComparison.Ordinal) || includers.Count > 0 || helpers.Count > 0);
            visitor.VisitTemplate(file.Template);
            findings.AddRange(visitor.Findings);
        }

        return findings;
    }
}
