namespace KbCore.Tests.Infrastructure;

/// <summary>A clock stopped at one instant, so date arithmetic in reports is exact.</summary>
public sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}
