using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace KbServer.Tests.Infrastructure;

/// <summary>The server on real Kestrel at a random loopback port: for raw HTTP and browser tests.</summary>
public sealed class KestrelServerFactory : KbServerFactory
{
    public KestrelServerFactory()
        : base(RepoPaths.Content)
    {
        UseKestrel(0);
        StartServer();
        RootUri = new Uri(Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
    }

    public Uri RootUri { get; }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseUrls("http://127.0.0.1:0");
    }
}
