namespace KbServer.HelpCenter;

/// <summary>Public help-center settings (section <c>HelpCenter</c>) that search engines and links depend on.</summary>
public sealed class HelpCenterOptions
{
    public const string Section = "HelpCenter";

    /// <summary>Search engines read at most this many URLs from one sitemap file.</summary>
    public const int MaxSitemapUrls = 50_000;

    /// <summary>
    /// The help center's public address, e.g. <c>https://help.example.com</c> (a path prefix is allowed). Canonical
    /// links, the sitemap, link previews and the change-request links a push prints use it. Unset: the request's
    /// scheme and host, which behind a reverse proxy is the proxy's view of the server, not the visitor's, so set it there.
    /// </summary>
    public string? BaseUrl { get; set; }

    /// <summary>Staging: robots.txt disallows everything and names no sitemap.</summary>
    public bool RobotsDisallowAll { get; set; }

    /// <summary>Extra robots.txt lines after the defaults (<c>Disallow: /old-campaign</c>, or a <c>User-agent:</c> group of their own).</summary>
    public IList<string> Robots { get; } = [];

    /// <summary>URLs per sitemap file before <c>/sitemap.xml</c> becomes an index of <c>/sitemap-N.xml</c>; lower only to test the split.</summary>
    public int SitemapUrlsPerFile { get; set; } = MaxSitemapUrls;

    /// <summary>The problem with these settings, naming the key, or null when they are usable.</summary>
    public string? Problem()
    {
        if (!string.IsNullOrWhiteSpace(BaseUrl) &&
            (!Uri.TryCreate(BaseUrl, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https") || uri.Query.Length > 0 || uri.Fragment.Length > 0 || uri.UserInfo.Length > 0))
        {
            return $"HelpCenter:BaseUrl must be an absolute http or https URL without query, fragment or user name, such as https://help.example.com (it is '{BaseUrl}')";
        }

        if (SitemapUrlsPerFile is < 1 or > MaxSitemapUrls)
        {
            return $"HelpCenter:SitemapUrlsPerFile must be between 1 and {MaxSitemapUrls}";
        }

        return Robots.Any(line => line.Any(char.IsControl))
            ? "HelpCenter:Robots lines must not contain line breaks or other control characters: give one line per entry"
            : null;
    }
}
