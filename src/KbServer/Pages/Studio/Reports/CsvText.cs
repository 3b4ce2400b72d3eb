namespace KbServer.Pages.Studio.Reports;

/// <summary>CSV fields for report downloads.</summary>
internal static class CsvText
{
    /// <summary>Quotes every field, and defuses leading =,+,-,@ so a spreadsheet never runs a value as a formula.</summary>
    public static string Field(string? value)
    {
        value ??= string.Empty;
        if (value.Length > 0 && "=+-@\t\r".Contains(value[0], StringComparison.Ordinal))
        {
            value = "'" + value;
        }

        return "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
    }

    public static string Line(params object?[] fields) =>
        string.Join(',', fields.Select(f => f switch
        {
            null => string.Empty,
            string s => Field(s),
            IFormattable n => n.ToString(null, System.Globalization.CultureInfo.InvariantCulture),
            _ => Field(f.ToString()),
        })) + "\n";
}
