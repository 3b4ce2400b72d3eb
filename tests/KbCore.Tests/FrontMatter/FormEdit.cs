using KbCore.Articles;
using YamlDotNet.Serialization;

namespace KbCore.Tests.FrontMatter;

/// <summary>
/// A case's <c>edit.yml</c>: the form fields the person changed (by their names in the editor), applied to the form as
/// the editor showed it. <c>AppendToBody</c> adds text at the end of the body, as adding a section does. Textarea fields
/// arrive with CRLF line breaks, as browsers submit them.
/// </summary>
public static class FormEdit
{
    private static readonly IDeserializer Yaml = new DeserializerBuilder().Build();

    public static void Apply(ArticleForm form, string editYaml)
    {
        ArgumentNullException.ThrowIfNull(form);
        var edit = Yaml.Deserialize<Dictionary<string, object?>>(editYaml) ?? [];
        foreach (var (field, value) in edit)
        {
            var text = value as string ?? string.Empty;
            switch (field)
            {
                case "Title": form.Title = text; break;
                case "Summary": form.Summary = AsBrowserSends(text); break;
                case "Tags": form.Tags = text; break;
                case "TicketCategories": form.TicketCategories = [.. ((List<object>?)value ?? []).Select(v => (string)v)]; break;
                case "Visibility": form.Visibility = text; break;
                case "Owner": form.Owner = text; break;
                case "ReviewBy": form.ReviewBy = text; break;
                case "OtherYaml": form.OtherYaml = AsBrowserSends(text); break;
                case "Body": form.Body = AsBrowserSends(text); break;
                case "AppendToBody": form.Body = AsBrowserSends(form.Body + text); break;
                default: throw new InvalidOperationException($"edit.yml: unknown field `{field}`");
            }
        }

        form.Body = AsBrowserSends(form.Body);
        form.Summary = AsBrowserSends(form.Summary);
        form.OtherYaml = AsBrowserSends(form.OtherYaml);
    }

    private static string AsBrowserSends(string text) => text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace("\n", "\r\n", StringComparison.Ordinal);
}
