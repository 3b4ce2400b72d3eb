namespace KbCore.Rendering;

/// <summary>One limit an article breaks: which, where (1-based line, 0 when it is the whole body), and by how much.</summary>
public sealed record LimitViolation(string Limit, int Line, long Found, long Allowed, string Message);
