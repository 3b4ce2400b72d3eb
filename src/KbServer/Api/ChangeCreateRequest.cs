namespace KbServer.Api;

/// <summary>Body of <c>POST /api/v1/changes</c>.</summary>
/// <param name="Title">What the change is about; it also names the branch.</param>
internal sealed record ChangeCreateRequest(string? Title = null);
