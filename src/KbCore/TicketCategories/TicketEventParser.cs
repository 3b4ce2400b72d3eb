using System.Globalization;
using System.Text.Json;

namespace KbCore.TicketCategories;

/// <summary>
/// Our own event shape: <c>{id, type, ticketId, category | externalCategory: {system, id}, article?, occurredAt?}</c>.
/// Every problem names the field, so the sender knows what to fix.
/// </summary>
public static partial class TicketEventParser
{
    public static TicketEventParse Parse(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            return TicketEventParse.Invalid("$", "the body must be a JSON object");
        }

        if (Required(root, "id") is { Error: { } idError })
        {
            return idError;
        }

        var id = JsonFields.Text(root, "id", out _)!;
        var type = JsonFields.Text(root, "type", out _);
        if (type is null || !TicketEventTypes.All.Contains(type))
        {
            return TicketEventParse.Invalid("type", $"`type` must be one of {string.Join(", ", TicketEventTypes.All)}");
        }

        if (Required(root, "ticketId") is { Error: { } ticketError })
        {
            return ticketError;
        }

        var category = JsonFields.Text(root, "category", out var badCategory);
        if (badCategory)
        {
            return TicketEventParse.Invalid("category", "`category` must be a string (a category id of ticket-categories.yml)");
        }

        ExternalCategory? external = null;
        if (category is null)
        {
            var system = JsonFields.Text(root, "externalCategory.system", out _);
            var externalId = JsonFields.Text(root, "externalCategory.id", out _);
            if (system is null || externalId is null)
            {
                return TicketEventParse.Invalid("category", "give `category` (our id) or `externalCategory` with `system` and `id`");
            }

            external = new ExternalCategory(system, externalId);
        }

        var article = JsonFields.Text(root, "article", out var badArticle);
        if (badArticle || (article is null && TicketEventTypes.NeedsArticle(type)))
        {
            return TicketEventParse.Invalid("article", $"`{type}` needs `article`: the article's path without .md");
        }

        DateTimeOffset? occurredAt = null;
        if (JsonFields.Text(root, "occurredAt", out var badTime) is { } time)
        {
            // ISO 8601 only: a general parse would read "12/11/2026" as the 11th of December.
            if (!IsoDateTime().IsMatch(time) || !DateTimeOffset.TryParse(time, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed))
            {
                return TicketEventParse.Invalid("occurredAt", "`occurredAt` must be an ISO 8601 date and time");
            }

            occurredAt = parsed;
        }
        else if (badTime)
        {
            return TicketEventParse.Invalid("occurredAt", "`occurredAt` must be an ISO 8601 date and time");
        }

        var ticketId = JsonFields.Text(root, "ticketId", out _)!;
        return TicketEventParse.Ok(new TicketEventInput("kb:" + id, type, ticketId, category, external, article, occurredAt, category is null ? "externalCategory" : "category"));
    }

    private static (string? Value, TicketEventParse? Error) Required(JsonElement root, string field)
    {
        var value = JsonFields.Text(root, field, out var wrongType);
        if (wrongType || value is null)
        {
            return (null, TicketEventParse.Invalid(field, $"`{field}` is required: a string or a whole number"));
        }

        return value.Length > TicketEvent.MaxIdLength
            ? (null, TicketEventParse.Invalid(field, $"`{field}` is longer than {TicketEvent.MaxIdLength} characters"))
            : (value, null);
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$")]
    private static partial System.Text.RegularExpressions.Regex IsoDateTime();
}
