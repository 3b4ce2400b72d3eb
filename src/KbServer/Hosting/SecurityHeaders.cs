namespace KbServer.Hosting;

/// <summary>Headers every response carries. Scripts only from this origin; inline style attributes only (table alignment).</summary>
public static class SecurityHeaders
{
    private const string Policy =
        "default-src 'self'; script-src 'self'; style-src 'self'{0}; style-src-attr 'unsafe-inline'; img-src 'self' https:; " +
        "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'self'";

    /// <summary>
    /// The API reference (Scalar) only: it starts from an inline module script, so scripts also need this response's
    /// nonce; its components write style elements and attributes at run time, which no nonce can cover, so styles
    /// are 'unsafe-inline' there (styles cannot run code, and the page shows only our own API description);
    /// its icons are data: URIs. Scripts, fonts, images and requests still come from this origin only.
    /// </summary>
    private const string ApiReferencePolicy =
        "default-src 'self'; script-src 'self' 'nonce-{0}'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; " +
        "connect-src 'self'; worker-src 'self' blob:; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'self'";

    private static readonly System.Text.CompositeFormat ApiReferencePolicyFormat = System.Text.CompositeFormat.Parse(ApiReferencePolicy);

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

    /// <summary>Gives this response the API reference's policy (see <see cref="ApiReferencePolicy"/>) instead of the site's.</summary>
    /// <returns>The script nonce for this response, new each time.</returns>
    public static string UseApiReferencePolicy(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var nonce = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(18));
        context.Response.Headers.ContentSecurityPolicy = string.Format(System.Globalization.CultureInfo.InvariantCulture, ApiReferencePolicyFormat, nonce);
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
