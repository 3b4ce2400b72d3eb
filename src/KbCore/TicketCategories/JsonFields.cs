using System.Globalization;
using System.Text.Json;

namespace KbCore.TicketCategories;

/// <summary>Reading loosely typed webhook JSON: helpdesks send ids as numbers or strings.</summary>
public static class JsonFields
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

    /// <summary>The string, or false when the JSON escapes do not make valid text (a lone surrogate).</summary>
    public static bool TryGetString(JsonElement element, out string text)
    {
        try
        {
            text = element.GetString() ?? string.Empty;
            return true;
        }
        catch (InvalidOperationException)
        {
            text = string.Empty;
            return false;
        }
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
                if (!TryGetString(value.Value, out var raw))
                {
                    wrongType = true; // a lone surrogate escape ("\ud800") is no text
                    return null;
                }

                var text = Content.TextInput.Clean(raw);
                return text.Length == 0 ? null : text;
            case JsonValueKind.Number when value.Value.TryGetInt64(out var number):
                return number.ToString(CultureInfo.InvariantCulture);
            default:
                wrongType = true;
                return null;
        }
    }
}
