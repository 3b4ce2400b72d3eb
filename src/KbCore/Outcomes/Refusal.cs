namespace KbCore.Outcomes;

/// <summary>A service's "no": its kind, the sentence the user reads, and the input field at fault when there is one.</summary>
public sealed record Refusal(RefusalKind Kind, string Message, string? Field = null)
{
    public static Refusal Forbidden(string message) => new(RefusalKind.Forbidden, message);

    public static Refusal NotFound(string message) => new(RefusalKind.NotFound, message);

    public static Refusal Conflict(string message) => new(RefusalKind.Conflict, message);

    public static Refusal Stale(string message) => new(RefusalKind.Stale, message);

    public static Refusal Invalid(string field, string message) => new(RefusalKind.Invalid, message, field);
}
