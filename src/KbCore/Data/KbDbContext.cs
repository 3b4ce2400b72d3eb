using KbCore.Accounts;
using KbCore.Analytics;
using KbCore.Contact;
using KbCore.Content;
using KbCore.Reviews;
using KbCore.TicketCategories;
using Analytics = KbCore.Analytics;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace KbCore.Data;

/// <summary>
/// Data that does not belong in git: accounts, tokens, the search log. Each provider has a subclass that owns
/// its migrations (<see cref="SqliteKbDbContext"/>, <see cref="PostgresKbDbContext"/>); code uses this type.
/// </summary>
public abstract class KbDbContext(DbContextOptions options) : IdentityDbContext<KbUser>(options)
{
    public DbSet<SearchLogEntry> SearchLog => Set<SearchLogEntry>();

    public DbSet<ApiToken> ApiTokens => Set<ApiToken>();

    public DbSet<EditorDraft> EditorDrafts => Set<EditorDraft>();

    public DbSet<ChangeRequest> ChangeRequests => Set<ChangeRequest>();

    public DbSet<ChangeRequestReview> ChangeRequestReviews => Set<ChangeRequestReview>();

    public DbSet<ReviewComment> ReviewComments => Set<ReviewComment>();

    public DbSet<TicketEvent> TicketEvents => Set<TicketEvent>();

    public DbSet<ArticleFeedback> ArticleFeedback => Set<ArticleFeedback>();

    public DbSet<Appreciation> Appreciations => Set<Appreciation>();

    public DbSet<ArticleViewCount> ArticleViews => Set<ArticleViewCount>();

    public DbSet<ContactSession> ContactSessions => Set<ContactSession>();

    public DbSet<ContactRequest> ContactRequests => Set<ContactRequest>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        base.OnModelCreating(builder);
        builder.Entity<KbUser>(user =>
        {
            user.Property(u => u.DisplayName).HasMaxLength(KbUser.MaxNameLength).IsRequired();
        });
        builder.Entity<ApiToken>(token =>
        {
            token.ToTable("api_tokens");
            token.Property(t => t.UserId).IsRequired();
            token.Property(t => t.Name).HasMaxLength(ApiTokenService.MaxNameLength).IsRequired();
            token.Property(t => t.Prefix).HasMaxLength(16).IsRequired();
            token.Property(t => t.Hash).HasMaxLength(64).IsRequired();
            token.Property(t => t.Scopes).HasMaxLength(1000).IsRequired();
            token.Ignore(t => t.ScopeList);
            token.HasIndex(t => t.Hash).IsUnique();
            token.HasIndex(t => t.UserId);
            token.HasOne<KbUser>().WithMany().HasForeignKey(t => t.UserId).OnDelete(DeleteBehavior.Cascade);
        });
        builder.Entity<EditorDraft>(draft =>
        {
            draft.ToTable("editor_drafts");
            draft.Property(d => d.UserId).IsRequired();
            draft.Property(d => d.Path).HasMaxLength(ArticlePaths.MaxLength).IsRequired();
            draft.Property(d => d.BaseRevision).HasMaxLength(40);
            draft.Property(d => d.FormJson).IsRequired();
            draft.HasIndex(d => new { d.UserId, d.Path }).IsUnique();
            draft.HasOne<KbUser>().WithMany().HasForeignKey(d => d.UserId).OnDelete(DeleteBehavior.Cascade);
        });
        builder.Entity<ChangeRequest>(cr =>
        {
            cr.ToTable("change_requests");
            cr.Property(c => c.Title).HasMaxLength(ChangeRequest.MaxTitleLength).IsRequired();
            cr.Property(c => c.Branch).HasMaxLength(250).IsRequired();
            cr.Property(c => c.State).HasMaxLength(20).IsRequired();
            cr.Property(c => c.AuthorId).IsRequired();
            cr.Property(c => c.AuthorName).HasMaxLength(KbUser.MaxNameLength).IsRequired();
            cr.Property(c => c.AuthorEmail).HasMaxLength(256).IsRequired();
            cr.Property(c => c.BaseCommit).HasMaxLength(40).IsRequired();
            cr.Property(c => c.MergeCommit).HasMaxLength(40);
            cr.HasIndex(c => c.Branch).IsUnique();
            cr.HasIndex(c => c.State);
            cr.HasMany(c => c.Reviews).WithOne().HasForeignKey(r => r.ChangeRequestId).OnDelete(DeleteBehavior.Cascade);
        });
        builder.Entity<ChangeRequestReview>(review =>
        {
            review.ToTable("change_request_reviews");
            review.Property(r => r.ReviewerId).IsRequired();
            review.Property(r => r.ReviewerName).HasMaxLength(KbUser.MaxNameLength).IsRequired();
            review.Property(r => r.ReviewerEmail).HasMaxLength(256).IsRequired();
            review.Property(r => r.Verdict).HasMaxLength(20).IsRequired();
            review.Property(r => r.HeadCommit).HasMaxLength(40).IsRequired();
        });
        builder.Entity<ReviewComment>(comment =>
        {
            comment.ToTable("review_comments");
            comment.Property(c => c.Path).HasMaxLength(ArticlePaths.MaxLength).IsRequired();
            comment.Property(c => c.AuthorId).IsRequired();
            comment.Property(c => c.AuthorName).HasMaxLength(KbUser.MaxNameLength).IsRequired();
            comment.Property(c => c.Body).HasMaxLength(ReviewComment.MaxBodyLength).IsRequired();
            comment.HasIndex(c => c.ChangeRequestId);
            comment.HasOne<ChangeRequest>().WithMany().HasForeignKey(c => c.ChangeRequestId).OnDelete(DeleteBehavior.Cascade);
        });
        builder.Entity<SearchLogEntry>(entry =>
        {
            entry.ToTable("search_log");
            entry.Property(e => e.Query).HasMaxLength(Analytics.SearchLog.MaxQueryLength).IsRequired();
            entry.Property(e => e.Source).HasMaxLength(8).IsRequired();
            entry.Property(e => e.ClickedPath).HasMaxLength(1024);
            entry.Property(e => e.TopPath).HasMaxLength(1024);

            // Two indexes that cover the search report, so neither of its queries reads the table: per query, in
            // query order (no sort of the period's rows: a year's report sorted a million rows for 1.5 s); per day,
            // a range of days. An index on Query alone made SQLite walk the whole log through it, looking up every
            // row, for any period (4 s on a million rows).
            entry.HasIndex(e => new { e.Query, e.Day, e.Source, e.ResultCount, e.At });
            entry.HasIndex(e => new { e.Day, e.Source, e.ResultCount });
        });
        SupportModel.Configure(builder);
    }
}
