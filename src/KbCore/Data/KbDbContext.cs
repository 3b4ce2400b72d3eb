using KbCore.Analytics;
using Analytics = KbCore.Analytics;
using Microsoft.EntityFrameworkCore;

namespace KbCore.Data;

/// <summary>Data that does not belong in git: search log now; accounts, tokens, votes later.</summary>
public sealed class KbDbContext(DbContextOptions<KbDbContext> options) : DbContext(options)
{
    public DbSet<SearchLogEntry> SearchLog => Set<SearchLogEntry>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);
        modelBuilder.Entity<SearchLogEntry>(entry =>
        {
            entry.ToTable("search_log");
            entry.Property(e => e.Query).HasMaxLength(Analytics.SearchLog.MaxQueryLength).IsRequired();
            entry.Property(e => e.Source).HasMaxLength(8).IsRequired();
            entry.Property(e => e.ClickedPath).HasMaxLength(1024);
            entry.HasIndex(e => e.At);
            entry.HasIndex(e => e.Query);
        });
    }
}
