using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace KbServer.E2E;

/// <summary>
/// Runs axe-core (embedded in Deque.AxeCore.Commons: nothing is fetched) on a page against WCAG 2.0/2.1 A and AA,
/// and describes every serious or critical violation so a failing test says what to fix and where.
/// </summary>
internal static class AxeAudit
{
    private static readonly string[] Tags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

    private static readonly HashSet<string> Blocking = new(StringComparer.Ordinal) { "serious", "critical" };

    /// <summary>
    /// Rules switched off for every page, each with its reason. Empty on purpose: a rule is excluded only when axe is
    /// wrong about this product, never to make a real finding go away.
    /// </summary>
    private static readonly Dictionary<string, string> ExcludedRules = new(StringComparer.Ordinal);

    /// <summary>One line per serious or critical violation on <paramref name="page"/>, empty when it passes.</summary>
    /// <param name="name">How the failure names the page ("home", "studio editor").</param>
    public static async Task<IReadOnlyList<string>> ViolationsAsync(IPage page, string name)
    {
        ArgumentNullException.ThrowIfNull(page);
        var options = new AxeRunOptions
        {
            RunOnly = new RunOnlyOptions { Type = "tag", Values = [.. Tags] },
            Rules = ExcludedRules.ToDictionary(r => r.Key, _ => new RuleOptions { Enabled = false }),
            ResultTypes = [ResultType.Violations],
        };
        var result = await page.RunAxe(options);
        return
        [
            .. result.Violations
                .Where(v => v.Impact is not null && Blocking.Contains(v.Impact))
                .Select(v => $"{name} ({page.Url}): {v.Id} [{v.Impact}] {v.Help} — {v.HelpUrl}\n" +
                    string.Join("\n", v.Nodes.Select(n => $"    {n.Target}: {Why(n)}"))),
        ];
    }

    /// <summary>What the failed checks say about a node ("Element has insufficient color contrast of 3.2 ...").</summary>
    private static string Why(AxeResultNode node) =>
        string.Join("; ", new[] { node.Any, node.All, node.None }
            .Where(checks => checks is not null)
            .SelectMany(checks => checks)
            .Select(check => check.Message)
            .Where(message => !string.IsNullOrEmpty(message))
            .Distinct(StringComparer.Ordinal));
}
