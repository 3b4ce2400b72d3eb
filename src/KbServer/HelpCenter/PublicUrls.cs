using Microsoft.Extensions.Options;

namespace KbServer.HelpCenter;

/// <summary>Absolute URLs of the help center, from <see cref="HelpCenterOptions.BaseUrl"/> or else the request.</summary>
public sealed class PublicUrls(IOptions<HelpCenterOptions> options)
{
    private readonly string? _configured = string.IsNullOrWhiteSpace(options.Value.BaseUrl) ? null : options.Value.BaseUrl.TrimEnd('/');

    /// <summary>Scheme, host and path prefix, without a trailing slash: <c>https://help.example.com</c>.</summary>
    public string Base(HttpContext context) =>
        _configured ?? $"{context.Request.Scheme}://{context.Request.Host}{context.Request.PathBase}";

    /// <summary><paramref name="path"/> (root-relative, e.g. <c>/billing</c>) as an absolute URL; absolute URLs stay as they are.</summary>
    public string Absolute(HttpContext context, string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (Uri.TryCreate(path, UriKind.Absolute, out var absolute) && absolute.Scheme is "http" or "https")
        {
            return path;
        }

        return Base(context) + (path.StartsWith('/') ? path : "/" + path);
    }
}
