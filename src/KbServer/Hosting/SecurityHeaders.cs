namespace KbServer.Hosting;

/// <summary>Headers every response carries. Scripts only from this origin; inline style attributes only (table alignment).</summary>
public static class SecurityHeaders
{
    private const string Policy =
        "default-src 'self'; script-src 'self'; style-src 'self'{0}; style-src-attr 'unsafe-inline'; img-src 'self' https:; " +
        "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'self'";

    private static readonly System.Text.CompositeFormat PolicyFormat = System.Text.CompositeFormat.Parse(Policy);

    private const string StyleNonceKey = "kb-csp-style-nonce";

    /// <summary>
    /// A per-response nonce for &lt;style&gt; elements a page's own script creates (the editor's CodeMirror
    /// injects its theme that way). Scripts stay 'self' only, so no injected markup can use it to run code.
    /// </summary>
    public static string StyleNonce(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Items[StyleNonceKey] is not string nonce)
        {
            nonce = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(18));
            context.Items[StyleNonceKey] = nonce;
        }

        return nonce;
    }

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) =>
        app.Use((context, next) =>
        {
            context.Response.OnStarting(() =>
            {
                var headers = context.Response.Headers;
                if (!headers.ContainsKey("Content-Security-Policy"))
                {
                    var nonce = context.Items[StyleNonceKey] is string n ? $" 'nonce-{n}'" : string.Empty;
                    headers.ContentSecurityPolicy = string.Format(System.Globalization.CultureInfo.InvariantCulture, PolicyFormat, nonce);
                }

                headers.XContentTypeOptions = "nosniff";
                headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
                headers.XFrameOptions = "SAMEORIGIN";
                headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=()";
                return Task.CompletedTask;
            });
            return next(context);
        });
}
