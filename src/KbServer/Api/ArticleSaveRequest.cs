namespace KbServer.Api;

/// <summary>Body of <c>PUT /api/v1/articles/{path}</c>.</summary>
/// <param name="Content">The whole file: front matter and markdown.</param>
/// <param name="BaseRevision">Blob SHA the edit started from; omit to create a new article.</param>
/// <param name="Message">Commit message; a clear default when empty.</param>
internal sealed record ArticleSaveRequest(string? Content, string? BaseRevision, string? Message);
