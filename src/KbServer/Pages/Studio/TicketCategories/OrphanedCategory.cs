using KbCore.Articles;

namespace KbServer.Pages.Studio.TicketCategories;

/// <summary>An id a proposed catalog drops while articles still name it in <c>ticket_categories:</c>.</summary>
/// <param name="RenamedTo">A new category in the proposal that looks like the same one (same name or a helpdesk id in common).</param>
public sealed record OrphanedCategory(string Id, IReadOnlyList<Article> Articles, string? RenamedTo);
