namespace KbServer.Auth;

/// <summary>The outcome of an account change: errors keyed by the form field they belong to ("" for the form).</summary>
public sealed record AccountResult(IReadOnlyDictionary<string, string> Errors)
{
    public static AccountResult Ok { get; } = new(new Dictionary<string, string>());

    public bool Succeeded => Errors.Count == 0;

    public static AccountResult Fail(string field, string message) => new(new Dictionary<string, string> { [field] = message });
}
