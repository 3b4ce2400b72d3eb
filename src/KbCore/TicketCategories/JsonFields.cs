using System.Globalization;
using System.Text.Json;

namespace KbCore.TicketCategories;

/// <summary>Reading loosely typed webhook JSON: helpdesks send ids as numbers or strings.</summary>
internal static class JsonFields
{
    /// <summary>The property at a dotted path, or null when any step is missing or null.</summary>
    public static JsonElement? At(JsonElement root, string path)
    {
        var current = root;
        foreach (var name in path.Split('.'))
        {
            if (current.ValueKind != JsonValueKind.Object || !current.TryGetProperty(name, out current) || current.ValueKind == JsonValueKind.Null)
            {
                return null;
            }
        }

        return current;
    }

    /// <summary>A string or a whole number as text; null when missing or empty; <paramref name="wrongType"/> when it is something else.</summary>
    public static string? Text(JsonElement root, string path, out bool wrongType)
    {
        wrongType = false;
        var value = At(root, path);
        switch (value?.ValueKind)
        {
            case null:
                return null;
            case JsonValueKind.String:
                var text = value.Value.GetString()?.Trim();
                return string.IsNullOrEmpty(text) ? null : text;
            case JsonValueKind.Number when value.Value.TryGetInt64(out var number):
                return number.ToString(CultureInfo.InvariantCulture);
            default:
                wrongType = true;
                return null;
        }
    }
}
