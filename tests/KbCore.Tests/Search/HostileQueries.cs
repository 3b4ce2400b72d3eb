namespace KbCore.Tests.Search;

/// <summary>Query text that has broken search engines: query-parser syntax, odd scripts, broken UTF-16, nothing at all.</summary>
public static class HostileQueries
{
    public static TheoryData<string> All => new()
    {
        "\"",
        "(",
        ":",
        "*",
        "?",
        "AND",
        "-",
        "title:foo AND (bar OR \"baz",
        "😀 🚀",
        "пароль 密码 كلمة",
        "\ud800 lone surrogate \udfff",
        string.Empty,
        "   ",
    };
}
