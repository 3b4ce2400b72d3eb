using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace KbServer.Tests.Infrastructure;

/// <summary>
/// A local OpenID Connect issuer that publishes discovery metadata and an (empty) key set: enough for the
/// server to build a real sign-in redirect, which is the wiring under test.
/// </summary>
public sealed class TestOidcIssuer : IAsyncDisposable
{
    private static readonly string[] Code = ["code"];
    private static readonly string[] Public = ["public"];
    private static readonly string[] Rs256 = ["RS256"];
    private static readonly string[] S256 = ["S256"];

    private readonly WebApplication _app;

    private TestOidcIssuer(WebApplication app, Uri root)
    {
        _app = app;
        Root = root;
    }

    public Uri Root { get; }

    public static async Task<TestOidcIssuer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        app.MapGet("/.well-known/openid-configuration", (HttpContext context) =>
        {
            var issuer = $"{context.Request.Scheme}://{context.Request.Host}";
            return Results.Json(new Dictionary<string, object>
            {
                ["issuer"] = issuer,
                ["authorization_endpoint"] = issuer + "/authorize",
                ["token_endpoint"] = issuer + "/token",
                ["userinfo_endpoint"] = issuer + "/userinfo",
                ["jwks_uri"] = issuer + "/jwks",
                ["response_types_supported"] = Code,
                ["subject_types_supported"] = Public,
                ["id_token_signing_alg_values_supported"] = Rs256,
                ["code_challenge_methods_supported"] = S256,
            });
        });
        app.MapGet("/jwks", () => Results.Json(new { keys = Array.Empty<object>() }));
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new TestOidcIssuer(app, new Uri(address));
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
