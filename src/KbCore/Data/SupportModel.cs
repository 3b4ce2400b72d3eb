using KbCore.Analytics;
using KbCore.Contact;
using KbCore.Content;
using KbCore.TicketCategories;
using Microsoft.EntityFrameworkCore;

namespace KbCore.Data;

/// <summary>Tables of the support funnel: ticket events, votes, page views, contact visits and requests.</summary>
internal static class SupportModel
{
    public static void Configure(ModelBuilder builder)
    {
        builder.Entity<TicketEvent>(e =>
        {
            e.ToTable("ticket_events");
            e.Property(x => x.EventId).HasMaxLength(TicketEvent.MaxIdLength + 20).IsRequired();
            e.Property(x => x.Type).HasMaxLength(20).IsRequired();
            e.Property(x => x.TicketId).HasMaxLength(TicketEvent.MaxIdLength).IsRequired();
            e.Property(x => x.Category).HasMaxLength(100).IsRequired();
            e.Property(x => x.ArticlePath).HasMaxLength(ArticlePaths.MaxLength);
            e.HasIndex(x => x.EventId).IsUnique();
            e.HasIndex(x => new { x.Category, x.OccurredAt });
        });
        builder.Entity<ArticleFeedback>(e =>
        {
            e.ToTable("article_feedback");
            e.Property(x => x.Path).HasMaxLength(ArticlePaths.MaxLength).IsRequired();
            e.Property(x => x.Comment).HasMaxLength(ArticleFeedback.MaxCommentLength);
            e.Property(x => x.VoterKey).HasMaxLength(64).IsRequired();
            e.HasIndex(x => new { x.Path, x.VoterKey }).IsUnique();
            e.HasIndex(x => x.At);
        });
        builder.Entity<Appreciation>(e =>
        {
            e.ToTable("appreciations");
            e.Property(x => x.Path).HasMaxLength(ArticlePaths.MaxLength).IsRequired();
            e.Property(x => x.AuthorEmail).HasMaxLength(256).IsRequired();
            e.Property(x => x.AuthorName).HasMaxLength(200).IsRequired();
            e.HasIndex(x => new { x.AuthorEmail, x.At });
            e.HasOne(x => x.Feedback).WithMany().HasForeignKey(x => x.FeedbackId).OnDelete(DeleteBehavior.Cascade);
        });
        builder.Entity<ArticleViewCount>(e =>
        {
            e.ToTable("article_views");
            e.HasKey(x => new { x.Path, x.Day });
            e.Property(x => x.Path).HasMaxLength(ArticlePaths.MaxLength);
        });
        builder.Entity<ContactSession>(e =>
        {
            e.ToTable("contact_sessions");
            e.Property(x => x.Id).HasMaxLength(ContactSession.IdLength);
            e.Property(x => x.Category).HasMaxLength(100);
            e.Property(x => x.OpenedPath).HasMaxLength(ArticlePaths.MaxLength);
            e.HasIndex(x => x.StartedAt);
        });
        builder.Entity<ContactRequest>(e =>
        {
            e.ToTable("contact_requests");
            e.Property(x => x.DeliveryId).HasMaxLength(32).IsRequired();
            e.Property(x => x.SessionId).HasMaxLength(ContactSession.IdLength);
            e.Property(x => x.Name).HasMaxLength(ContactRequest.MaxNameLength).IsRequired();
            e.Property(x => x.Email).HasMaxLength(ContactRequest.MaxEmailLength).IsRequired();
            e.Property(x => x.Subject).HasMaxLength(ContactRequest.MaxSubjectLength).IsRequired();
            e.Property(x => x.Description).HasMaxLength(ContactRequest.MaxDescriptionLength).IsRequired();
            e.Property(x => x.Category).HasMaxLength(100);
            e.Property(x => x.SuggestionsShown).HasMaxLength(4000).IsRequired();
            e.Property(x => x.DeliveryState).HasMaxLength(20).IsRequired();
            e.Property(x => x.LastError).HasMaxLength(1000);
            e.HasIndex(x => new { x.DeliveryState, x.NextAttemptAt });
            e.HasIndex(x => x.At);
        });
    }
}
