namespace KbServer.Api;

/// <summary>Body of <c>POST /api/v1/changes</c>.</summary>
internal sealed record ChangeCreateRequest(string? Title);
