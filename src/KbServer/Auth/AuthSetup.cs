using KbCore.Accounts;
using KbCore.Data;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;

namespace KbServer.Auth;

internal static class AuthSetup
{
    /// <summary>
    /// Accounts (Identity over <see cref="KbDbContext"/>), the studio cookie, personal API tokens, optional SSO,
    /// and the policies pages and endpoints use.
    /// </summary>
    public static IServiceCollection AddKbAuth(this IServiceCollection services, IConfiguration config, string contentRoot)
    {
        services.AddHttpContextAccessor();

        // Keys beside the data: cookies survive restarts, and links made by `users add` work in the server.
        services.AddDataProtection()
            .SetApplicationName("KnowledgeBase")
            .PersistKeysToFileSystem(new DirectoryInfo(Path.Combine(Hosting.KbPaths.DataDirectory(config, contentRoot), "keys")));
        services.AddIdentity<KbUser, IdentityRole>(o =>
            {
                // Length over composition rules (NIST SP 800-63B): long passphrases, no forced symbols.
                o.Password.RequiredLength = 12;
                o.Password.RequireDigit = false;
                o.Password.RequireLowercase = false;
                o.Password.RequireUppercase = false;
                o.Password.RequireNonAlphanumeric = false;
                o.Password.RequiredUniqueChars = 5;
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                o.Lockout.AllowedForNewUsers = true;
                o.User.RequireUniqueEmail = true;
            })
            .AddEntityFrameworkStores<KbDbContext>()
            .AddSignInManager<KbSignInManager>()
            .AddClaimsPrincipalFactory<KbClaimsPrincipalFactory>()
            .AddDefaultTokenProviders();

        // A deactivation or password reset changes the security stamp; sessions notice within a minute.
        services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.FromMinutes(1));
        services.ConfigureApplicationCookie(o =>
        {
            o.Cookie.Name = "kb.auth";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.LoginPath = "/studio/login";
            o.LogoutPath = "/studio/logout";
            o.AccessDeniedPath = "/studio/status/403";
            o.ExpireTimeSpan = TimeSpan.FromHours(12);
            o.SlidingExpiration = true;
            o.Events.OnRedirectToLogin = c => ApiAware(c, StatusCodes.Status401Unauthorized);
            o.Events.OnRedirectToAccessDenied = c => ApiAware(c, StatusCodes.Status403Forbidden);
        });

        var authentication = services.AddAuthentication(o =>
            {
                o.DefaultScheme = KbAuthSchemes.Selector;
                o.DefaultAuthenticateScheme = KbAuthSchemes.Selector;
                o.DefaultChallengeScheme = KbAuthSchemes.Selector;
                o.DefaultForbidScheme = KbAuthSchemes.Selector;
            })
            .AddPolicyScheme(KbAuthSchemes.Selector, "Token or cookie", o => o.ForwardDefaultSelector = context =>
                ApiTokenAuthenticationHandler.TokenFrom(context.Request.Headers.Authorization.ToString()) is not null
                    ? KbAuthSchemes.Token
                    : IdentityConstants.ApplicationScheme)
            .AddScheme<AuthenticationSchemeOptions, ApiTokenAuthenticationHandler>(KbAuthSchemes.Token, null);

        var oidc = config.GetSection(OidcOptions.Section).Get<OidcOptions>() ?? new OidcOptions();
        services.AddSingleton(oidc);
        if (oidc.Enabled)
        {
            authentication.AddOpenIdConnect(KbAuthSchemes.Oidc, oidc.DisplayName, o =>
            {
                o.Authority = oidc.Authority;
                o.ClientId = oidc.ClientId;
                o.ClientSecret = oidc.ClientSecret;
                o.ResponseType = "code";
                o.UsePkce = true;
                o.RequireHttpsMetadata = oidc.RequireHttpsMetadata;
                o.SignInScheme = IdentityConstants.ExternalScheme;
                o.CallbackPath = "/studio/login/oidc-callback";
                o.Scope.Add("email");
                o.Scope.Add("profile");
                o.GetClaimsFromUserInfoEndpoint = true;

                // Accounts are matched by email only when the issuer says it verified it (SsoAccounts).
                o.ClaimActions.MapUniqueJsonKey("email_verified", "email_verified");
            });
        }

        services.AddAuthorization(KbPolicies.Add);
        services.AddSingleton<FirstRunSetup>();
        services.AddScoped<SsoAccounts>();
        services.AddScoped<TeamAccounts>();
        services.AddHostedService<AccountsStartup>();
        return services;
    }

    /// <summary>
    /// The API answers 401/403 problems. Pages send anonymous visitors to sign in, and answer a wrong role with a
    /// plain 403 (its page comes from the studio's status pages), never a redirect that hides the refusal.
    /// </summary>
    private static Task ApiAware<T>(Microsoft.AspNetCore.Authentication.RedirectContext<T> context, int status)
        where T : AuthenticationSchemeOptions
    {
        var feedOrGit = context.Request.Path.StartsWithSegments("/content.git") || context.Request.Path.Value?.EndsWith(".atom", StringComparison.Ordinal) == true;
        if (context.Request.Path.StartsWithSegments("/api") || feedOrGit)
        {
            context.Response.StatusCode = status;
            if (status == StatusCodes.Status401Unauthorized)
            {
                // Feed readers and git speak Basic: any user name, a personal token as the password.
                context.Response.Headers.WWWAuthenticate = feedOrGit ? "Basic realm=\"KnowledgeBase\", charset=\"UTF-8\"" : "Bearer";
            }

            return Results.Problem(statusCode: status, title: status == 401 ? "Authentication required" : "Forbidden",
                detail: status == 401 ? "Sign in, or send a personal API token: Authorization: Bearer kb_…" : "Your role or token does not allow this.")
                .ExecuteAsync(context.HttpContext);
        }

        if (status == StatusCodes.Status403Forbidden)
        {
            context.Response.StatusCode = status;
            return Task.CompletedTask;
        }

        context.Response.Redirect(context.RedirectUri);
        return Task.CompletedTask;
    }
}
