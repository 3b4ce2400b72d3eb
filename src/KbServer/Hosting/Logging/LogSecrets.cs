using System.Buffers;
using System.Text.RegularExpressions;

namespace KbServer.Hosting.Logging;

/// <summary>
/// Takes secrets out of log text: the setup, invitation and reset links carry their token in the query string, sign-in
/// forms post passwords, git remotes carry a token in their address, and the request log prints whole URLs. A log
/// line is read by more people, and kept longer, than the page that showed the secret.
/// </summary>
internal static partial class LogSecrets
{
    public const string Mark = "[redacted]";

    private const string ApiTokenPrefix = KbCore.Accounts.ApiTokenService.SecretPrefix;

    // Every pattern below holds one of these: most text has none and is returned at once.
    private static readonly SearchValues<string> Hints = SearchValues.Create(["=", "%3d", "://", "kb_", "bearer ", "basic "], StringComparison.OrdinalIgnoreCase);

    /// <summary>The text unchanged (the same instance) when it holds nothing that looks like a secret.</summary>
    public static string Redact(string text)
    {
        if (!text.AsSpan().ContainsAny(Hints))
        {
            return text;
        }

        text = NamedValue().Replace(text, m => m.Groups["lead"].Value + Mark);
        text = UrlPassword().Replace(text, m => m.Groups["lead"].Value + Mark + "@");
        text = AuthorizationValue().Replace(text, m => m.Groups["scheme"].Value + " " + Mark);
        return ApiToken().Replace(text, ApiTokenPrefix + Mark);
    }

    // name=value and name%3Dvalue (a query inside an encoded return URL), where the name ends in token, password,
    // secret or key: token, access_token, __RequestVerificationToken, new-password, client_secret, api_key. The value
    // runs to the next separator of a query, a form body or a sentence.
    [GeneratedRegex(@"(?<lead>(?<![A-Za-z0-9_.\-])[A-Za-z0-9_.\-]*(?:token|password|passwd|pwd|secret|api[_\-]?key)(?:=|%3d))(?:(?!%26)[^&\s#""'<>])+", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex NamedValue();

    // https://user:secret@host: the password part of an address's user info.
    [GeneratedRegex(@"(?<lead>://[^/\s:@]*:)[^/\s@]+@", RegexOptions.CultureInvariant)]
    private static partial Regex UrlPassword();

    // A personal API token anywhere, by its prefix; the short display prefix (kb_ and 7 characters) stays readable.
    [GeneratedRegex(@"(?<![A-Za-z0-9])kb_[A-Za-z0-9_\-]{20,}", RegexOptions.CultureInvariant)]
    private static partial Regex ApiToken();

    // An Authorization header's credentials, should a header ever be logged.
    [GeneratedRegex(@"\b(?<scheme>Bearer|Basic)\s+[A-Za-z0-9._~+/\-]{16,}=*", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex AuthorizationValue();
}
