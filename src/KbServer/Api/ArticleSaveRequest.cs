namespace KbServer.Api;

/// <summary>Body of <c>PUT /api/v1/articles/{path}</c>.</summary>
/// <param name="Content">The whole file: YAML front matter and markdown.</param>
/// <param name="BaseRevision">The revision (blob SHA) the edit started from, as read; omit to create a new article.</param>
/// <param name="Message">Commit message; a clear default when empty.</param>
internal sealed record ArticleSaveRequest(string? Content = null, string? BaseRevision = null, string? Message = null);
