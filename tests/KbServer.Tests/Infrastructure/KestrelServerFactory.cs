using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace KbServer.Tests.Infrastructure;

/// <summary>The server on real Kestrel at a random loopback port: for raw HTTP and browser tests.</summary>
public sealed class KestrelServerFactory : KbServerFactory
{
    private readonly ILoggerProvider? _logs;
    private readonly TextWriter? _console;

    public KestrelServerFactory()
        : this(null, null)
    {
    }

    /// <summary>A server with <paramref name="settings"/> on top of the test defaults, e.g. <c>Themes:Active</c> for a journey in another theme.</summary>
    /// <remarks>A factory method, not a constructor: xunit refuses a class fixture with more than one public constructor.</remarks>
    public static KestrelServerFactory WithSettings(IReadOnlyDictionary<string, string?> settings) => new(settings, null);

    /// <param name="logs">A provider added beside the application's own, to read what the server logs.</param>
    /// <param name="console">Where the server writes what it says on its console (the start-up block), instead of the test's console.</param>
    internal KestrelServerFactory(IReadOnlyDictionary<string, string?>? settings, ILoggerProvider? logs, TextWriter? console = null)
        : base(RepoPaths.Content, settings)
    {
        _logs = logs;
        _console = console;
        UseKestrel(0);
        StartServer();
        RootUri = new Uri(Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
    }

    public Uri RootUri { get; }

    /// <remarks>Over real sockets the factory's own client follows redirects whatever it is told, so this one is built here.</remarks>
    public override HttpClient CreateBrowserClient() =>
        new(new SocketsHttpHandler { AllowAutoRedirect = false, CookieContainer = new System.Net.CookieContainer() }) { BaseAddress = RootUri };

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseUrls("http://127.0.0.1:0");
        if (_logs is not null)
        {
            builder.ConfigureLogging(logging => logging.AddProvider(_logs));
        }

        if (_console is not null)
        {
            builder.ConfigureServices(services => services.AddSingleton(new KbServer.Hosting.ServerConsole(_console)));
        }
    }
}
