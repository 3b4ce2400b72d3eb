namespace KbServer.Tests.Support;

/// <summary>Content for the support-funnel tests: a catalog, public and internal articles linked to its categories.</summary>
internal static class SupportSeed
{
    public static TempDirectory Create() => new TempDirectory("kbsupport").WriteFiles(new Dictionary<string, string>
    {
        ["ticket-categories.yml"] = """
            categories:
              - id: billing
                name: Billing questions
                external_ids:
                  zendesk: "360001"
                  freshdesk: "Billing"
              - id: exports
                name: Exporting data
                external_ids:
                  zendesk: "360002"
              - id: refunds
                name: Refunds
            """,
        ["help/_index.md"] = "---\ntitle: Help\n---\n",
        ["help/invoice-email.md"] = "---\ntitle: Invoice email never arrived\nticket_categories: [billing]\n---\nIf the invoice email never arrived, check the spam folder and the address.\n",
        ["help/change-plan.md"] = "---\ntitle: Change your plan\nticket_categories: [billing]\n---\nOpen settings and pick another plan.\n",
        ["help/export-csv.md"] = "---\ntitle: Export your data as CSV\nticket_categories: [exports]\n---\nUse the export button to download a CSV file.\n",
        ["help/refund-card.md"] = "---\ntitle: Refund a payment\nticket_categories: [refunds]\n---\nHow to refund a payment.\n",
        ["help/refund-credit.md"] = "---\ntitle: Refund a payment\nticket_categories: [billing]\n---\nHow to refund a payment.\n",
        ["help/secret-billing.md"] = "---\ntitle: Zorblax billing override\nvisibility: internal\nticket_categories: [billing]\n---\nAgents may apply the zorblax override when the invoice email never arrived.\n",
    });
}
