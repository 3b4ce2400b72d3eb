namespace KbServer.Api.Docs;

/// <summary>
/// Example answers for the reference, taken from a server over the sample help center. The handlers answer anonymous
/// objects, so these show integrators the fields; the document test checks every success answer has one.
/// </summary>
internal static class ResponseExamples
{
    public const string Sha = "48802ee0b6f40123348265e9277e6fb3cfe8d107";

    public const string Search = """
        {"total":39,"results":[{"path":"invoicing/sending-and-reminders/track-invoice-status","url":"/invoicing/sending-and-reminders/track-invoice-status","title":"Track invoice status","snippet":"…so an <mark>invoice</mark> can be read without showing as viewed…","category":"invoicing","score":47.9,"match":"words","internal":false}],"facets":{"category":[{"value":"invoicing","count":8},{"value":"payments","count":5}]},"didYouMean":null}
        """;

    public const string Autocomplete = """
        {"results":[{"path":"invoicing/sending-and-reminders/track-invoice-status","url":"/invoicing/sending-and-reminders/track-invoice-status","title":"Track invoice status","internal":false}]}
        """;

    public const string ArticleList = """
        {"commit":"6990fad9fd261726c8e7f7bf9d0bf3d5c247008f","articles":[{"path":"invoicing/sending-and-reminders/track-invoice-status","title":"Track invoice status","visibility":"public","revision":"48802ee0b6f40123348265e9277e6fb3cfe8d107","url":"/invoicing/sending-and-reminders/track-invoice-status"}]}
        """;

    public const string Article = """
        {"path":"invoicing/sending-and-reminders/track-invoice-status","content":"---\ntitle: Track invoice status\nsummary: What each invoice status means\n---\nEvery invoice shows its status…\n","revision":"48802ee0b6f40123348265e9277e6fb3cfe8d107","commit":"6990fad9fd261726c8e7f7bf9d0bf3d5c247008f","title":"Track invoice status","visibility":"public","url":"/invoicing/sending-and-reminders/track-invoice-status"}
        """;

    public const string ArticleSaved = """
        {"path":"invoicing/sending-and-reminders/send-an-invoice","revision":"9c1d0e7a4f3b2a1908d7c6b5a4f3e2d1c0b9a8f7","commit":"1f2e3d4c5b6a79880716253443526170a9b8c7d6","merged":false,"unchanged":false}
        """;

    public const string ChangeList = """
        [{"id":12,"title":"Rewrite the invoicing section","branch":"cr/12-rewrite-the-invoicing-section","state":"in_review","author":{"name":"Dana Reviewer","email":"dana@example.com"},"approvals":[]}]
        """;

    public const string Change = """
        {"id":12,"title":"Rewrite the invoicing section","branch":"cr/12-rewrite-the-invoicing-section","state":"draft","author":{"name":"Dana Reviewer","email":"dana@example.com"},"approvals":[]}
        """;

    public const string ChangeDetail = """
        {"id":12,"title":"Rewrite the invoicing section","branch":"cr/12-rewrite-the-invoicing-section","state":"approved","author":{"name":"Dana Reviewer","email":"dana@example.com"},"approvals":[{"name":"Sam Riley","email":"sam@example.com","commit":"1f2e3d4c5b6a79880716253443526170a9b8c7d6","at":"2026-11-23T10:02:00Z"}],"reviews":[{"reviewer":"Sam Riley","verdict":"approve","commit":"1f2e3d4c5b6a79880716253443526170a9b8c7d6","at":"2026-11-23T10:02:00Z"}],"changes":[{"path":"invoicing/sending-and-reminders/send-an-invoice.md","status":"modified","oldPath":null}],"mergeCommit":null}
        """;

    public const string Merged = """
        {"id":12,"mergeCommit":"7a6b5c4d3e2f1a0b9c8d7e6f5a4b3c2d1e0f9a8b"}
        """;

    public const string Suggestions = """
        {"category":"invoice-delivery","results":[{"path":"troubleshooting/common-issues/client-did-not-receive-invoice-email","url":"/troubleshooting/common-issues/client-did-not-receive-invoice-email","title":"My client didn't receive the invoice email","snippet":"…click Share portal link on the <mark>invoice</mark> and send the link from your own <mark>email</mark> account…","score":1.17,"why":["category","text"]}]}
        """;

    public const string EventStored = """
        {"status":"stored","id":"kb:evt-2026-0001"}
        """;

    public const string EventDuplicate = """
        {"status":"duplicate","id":"kb:evt-2026-0001"}
        """;

    public const string EventIgnored = """
        {"status":"ignored","reason":"`zen:event-type:ticket.comment_added` is not counted"}
        """;

    public const string Vote = """
        {"counted":true,"helpful":true}
        """;

    public const string VoteRepeated = """
        {"counted":false,"helpful":true}
        """;

    public const string SearchReport = """
        {"from":"2026-11-04","to":"2026-12-03","searches":412,"zeroResultSearches":37,"zeroResultShare":0.09,"clicks":260,"clickThrough":0.63,"topQueries":[{"query":"invoice","searches":58,"zeroResults":0,"clicks":41,"lastSearched":"2026-12-03T18:50:48Z"}],"zeroResultQueries":[{"query":"zebra payments","searches":4,"zeroResults":4,"clicks":0,"lastSearched":"2026-12-02T09:12:00Z"}],"byDay":[{"day":"2026-12-03","searches":21,"zeroResults":2,"clicks":13}]}
        """;

    public const string TicketCategoryReport = """
        [{"category":"invoice-delivery","name":"Invoice delivery","tickets":48,"articles":3,"publicArticles":2,"internalArticles":1,"views":310,"searches":95,"helpful":0.71,"deflections":22,"gap":0.38}]
        """;

    public const string AuthorReport = """
        [{"email":"dana@example.com","name":"Dana Reviewer","created":3,"edited":11,"appreciations":5}]
        """;

    public const string StaleReport = """
        [{"owner":"priya.shah@ledgerly.example","articles":[{"path":"payments/online-payments/connect-paypal","title":"Connect PayPal","reviewBy":"2026-09-30","visibility":"public"}]}]
        """;
}
