namespace KbCore.Analytics;

/// <summary>Articles created and edited on the published branch on one day (UTC).</summary>
public sealed record AuthoringDay(DateOnly Day, int Created, int Edited);
