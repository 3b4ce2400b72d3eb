namespace KbCore.Content;

/// <summary>The branch was not where a write expected it (a push landed meanwhile); the write is redone on the new tip.</summary>
public sealed class BranchMovedException : Exception
{
    public BranchMovedException()
    {
    }

    public BranchMovedException(string message)
        : base(message)
    {
    }

    public BranchMovedException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
