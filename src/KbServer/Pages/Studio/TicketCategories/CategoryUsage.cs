namespace KbServer.Pages.Studio.TicketCategories;

/// <summary>How many articles of the published snapshot link to one ticket category, by who can read them.</summary>
public sealed record CategoryUsage(int Public, int Internal)
{
    public int Total => Public + Internal;
}
