namespace KbCore.Content;

/// <summary>Text typed or sent by someone outside the team, made safe to store in any database.</summary>
public static class TextInput
{
    /// <summary>
    /// Drops control characters other than tab and line breaks (PostgreSQL refuses NUL in text; the others only
    /// confuse readers and CSV files) and trims.
    /// </summary>
    public static string Clean(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return (text.Any(c => char.IsControl(c) && c is not ('\n' or '\r' or '\t'))
            ? string.Concat(text.Where(c => !char.IsControl(c) || c is '\n' or '\r' or '\t'))
            : text).Trim();
    }
}
