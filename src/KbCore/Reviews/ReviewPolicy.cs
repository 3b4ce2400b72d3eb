using YamlDotNet.RepresentationModel;

namespace KbCore.Reviews;

/// <summary>
/// <c>.kb/policy.yml</c>: who may publish straight to the published branch, how many approvals a change request
/// needs, whether authors may approve their own, and how merges are made. Lives in git, reviewed like content.
/// Without the file everyone may publish directly (a small team's default); a broken file requires review.
/// </summary>
public sealed record ReviewPolicy(IReadOnlyList<string> PublishDirectly, int MinApprovals, bool AuthorsMayApproveOwn, bool Squash)
{
    public const string FilePath = ".kb/policy.yml";

    public static ReviewPolicy Default { get; } = new(["Author", "Reviewer", "Admin"], 1, false, false);

    /// <summary>Fails closed: when the file cannot be read, nobody publishes directly.</summary>
    public static ReviewPolicy Strict { get; } = new([], 1, false, false);

    /// <summary>The policy as <c>.kb/policy.yml</c> text.</summary>
    public string ToYaml() =>
        "# Who may change the published branch directly; everyone else goes through a change request. Reviewed like content.\n" +
        $"publish_directly: [{string.Join(", ", PublishDirectly)}]\n" +
        $"min_approvals: {MinApprovals.ToString(System.Globalization.CultureInfo.InvariantCulture)}\n" +
        $"authors_may_approve_own: {(AuthorsMayApproveOwn ? "true" : "false")}\n" +
        $"merge: {(Squash ? "squash" : "merge")}\n";

    public bool MayPublishDirectly(IEnumerable<string> roles) => roles.Any(r => PublishDirectly.Contains(r, StringComparer.OrdinalIgnoreCase));

    public static ReviewPolicy Parse(string? yaml)
    {
        if (yaml is null)
        {
            return Default;
        }

        try
        {
            var stream = new YamlStream();
            stream.Load(new StringReader(yaml));
            if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root)
            {
                return Strict;
            }

            var publish = root.Children.TryGetValue(new YamlScalarNode("publish_directly"), out var p) && p is YamlSequenceNode list
                ? list.Children.OfType<YamlScalarNode>().Select(n => n.Value ?? string.Empty).Where(v => v.Length > 0).ToList()
                : [];
            var min = Scalar(root, "min_approvals") is { } m && int.TryParse(m, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) ? Math.Clamp(n, 0, 10) : 1;
            var own = Scalar(root, "authors_may_approve_own") is "true" or "yes";
            var squash = Scalar(root, "merge") is "squash";
            return new ReviewPolicy(publish, min, own, squash);
        }
        catch (YamlDotNet.Core.YamlException)
        {
            return Strict;
        }
    }

    private static string? Scalar(YamlMappingNode root, string key) =>
        root.Children.TryGetValue(new YamlScalarNode(key), out var node) && node is YamlScalarNode scalar ? scalar.Value?.Trim().ToLowerInvariant() : null;
}
