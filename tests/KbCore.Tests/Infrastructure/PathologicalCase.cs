namespace KbCore.Tests.Infrastructure;

/// <summary>One class of hostile markdown: how to build it at a size, the largest size the limits allow, and the limit a size past that breaks.</summary>
public sealed record PathologicalCase(string Name, Func<int, string> Build, int JustUnder, string Limit)
{
    public override string ToString() => Name;
}
