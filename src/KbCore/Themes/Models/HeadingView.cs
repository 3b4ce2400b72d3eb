namespace KbCore.Themes.Models;

/// <summary>A table-of-contents entry: <c>Id</c> is the anchor (already prefixed), <c>Level</c> 2 or 3.</summary>
public sealed record HeadingView(int Level, string Id, string Text);
