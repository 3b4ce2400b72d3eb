using KbServer.Hosting;
using KbServer.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace KbServer.Tests.Operations;

/// <summary>
/// The real server without its background indexer: the search index stays unbuilt until the test brings it to a
/// snapshot through the real <see cref="KbCore.Search.SearchIndex"/>, the way the indexer would.
/// </summary>
public sealed class NoIndexerServerFactory(string seedDirectory, IReadOnlyDictionary<string, string?>? settings = null) : KbServerFactory(seedDirectory, settings)
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services =>
        {
            var indexer = services.Single(s => s.ServiceType == typeof(IHostedService) && s.ImplementationType == typeof(IndexingService));
            services.Remove(indexer);
        });
    }
}
