namespace KbServer.GitHttp;

/// <summary>One ref update a client asks for in a push: <c>old new ref</c>.</summary>
internal sealed record PushCommand(string OldSha, string NewSha, string Ref)
{
    public const string ZeroSha = "0000000000000000000000000000000000000000";

    public bool IsDelete => NewSha == ZeroSha;

    public bool IsCreate => OldSha == ZeroSha;
}
