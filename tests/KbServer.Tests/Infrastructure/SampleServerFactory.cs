namespace KbServer.Tests.Infrastructure;

/// <summary>The server seeded with the shipped sample help center, as a newcomer runs it.</summary>
public sealed class SampleServerFactory : KbServerFactory
{
    public SampleServerFactory()
        : base(RepoPaths.Content)
    {
    }
}
