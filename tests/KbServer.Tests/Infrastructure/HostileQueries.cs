namespace KbServer.Tests.Infrastructure;

/// <summary>Query strings, URL-encoded, that have broken search endpoints: syntax, control bytes, broken UTF-8.</summary>
public static class HostileQueries
{
    public static TheoryData<string> Encoded => new()
    {
        "%22",
        "(",
        "%3A",
        "*",
        "%3F",
        "AND",
        "-",
        "+++",
        "%F0%9F%98%80",
        "%D0%BF%D0%B0%D1%80%D0%BE%D0%BB%D1%8C",
        "title%3Afoo+AND+(bar",
        "%00%01%1F",
        "%ED%A0%80",
        "a%22b%22c+%22",
    };
}
