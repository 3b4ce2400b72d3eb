namespace KbCore.Analytics;

/// <summary>One author's week (or period): articles created and edited on the published branch, and "helpful" votes credited.</summary>
public sealed record AuthorActivity(string Email, string Name, int Created, int Edited, int Appreciations);
