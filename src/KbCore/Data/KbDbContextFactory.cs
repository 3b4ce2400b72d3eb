using Microsoft.EntityFrameworkCore;

namespace KbCore.Data;

/// <summary>Hands out the configured provider's context as the provider-neutral <see cref="KbDbContext"/>.</summary>
public sealed class KbDbContextFactory<TContext>(IDbContextFactory<TContext> inner) : IDbContextFactory<KbDbContext>
    where TContext : KbDbContext
{
    public KbDbContext CreateDbContext() => inner.CreateDbContext();
}
