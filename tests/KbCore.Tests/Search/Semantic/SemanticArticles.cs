namespace KbCore.Tests.Search.Semantic;

/// <summary>A small help center whose answers use other words than the questions customers ask.</summary>
internal static class SemanticArticles
{
    public const string AutomaticReplies = "mail/automatic-replies";

    public static Dictionary<string, string?> Files() => new()
    {
        ["mail/automatic-replies.md"] = "---\ntitle: Send automatic replies\nsummary: Tell people you are on vacation or out of the office.\ntags: [mail]\n---\nOpen File, choose Automatic Replies, write the text people get while you are on vacation, and set the dates.\n",
        ["mail/recover-deleted.md"] = "---\ntitle: Recover deleted items\nsummary: Get back mail you removed by mistake.\ntags: [mail]\n---\nOpen the Deleted Items folder and restore them, or use Recover Deleted Items on the server.\n",
        ["mail/shared-mailbox.md"] = "---\ntitle: Open a shared mailbox\nsummary: Work in a team inbox beside your own.\ntags: [mail]\n---\nAsk an administrator for access; the team inbox then appears in the folder pane.\n",
        ["devices/wipe-phone.md"] = "---\ntitle: Wipe a lost phone remotely\nsummary: Erase company data from a stolen or lost device.\ntags: [devices]\n---\nSign in to the portal, pick the device and choose Wipe.\n",
        ["devices/printer.md"] = "---\ntitle: Add a network printer\nsummary: Print to the office printer from a laptop.\ntags: [devices]\n---\nOpen Settings, Printers, Add, and pick the printer by its name on the label.\n",
        ["account/reset-password.md"] = "---\ntitle: Reset your password\nsummary: Choose a new password when you have forgotten yours.\ntags: [account]\n---\nUse the self-service reset page and confirm with your phone.\n",
    };
}
