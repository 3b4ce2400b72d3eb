using System.Globalization;
using System.Net;
using System.Text;
using KbCore.Analytics;

namespace KbServer.Pages.Studio.Reports;

/// <summary>Horizontal bars of tickets per category, the gap drawn over them: inline SVG, no script (strict CSP), prints.</summary>
internal static class GapChart
{
    private const int Width = 720;
    private const int Row = 26;
    private const int Label = 220;

    public static string Render(IReadOnlyList<TicketCategoryRow> rows)
    {
        var shown = rows.Where(r => r.Tickets > 0).Take(12).ToArray();
        var max = Math.Max(1, shown.Length == 0 ? 1 : shown.Max(r => r.Tickets));
        var height = Math.Max(Row, shown.Length * Row) + 4;
        var svg = new StringBuilder();
        // The label says what the picture shows (its bars' tooltips are not read out); the table under it has every figure.
        var largest = string.Join("; ", shown.Take(3).Select(r => string.Create(CultureInfo.InvariantCulture, $"{r.Name}: {r.Tickets} tickets, gap {r.Gap:0.##}")));
        var label = WebUtility.HtmlEncode($"Tickets per ticket category, largest gap first. {largest}. Every category is in the table below.");
        svg.Append(CultureInfo.InvariantCulture, $"<svg class=\"chart\" viewBox=\"0 0 {Width} {height}\" role=\"img\" aria-label=\"{label}\">");
        for (var i = 0; i < shown.Length; i++)
        {
            var row = shown[i];
            var y = i * Row;
            var tickets = (double)row.Tickets / max * (Width - Label - 60);
            var gap = row.Gap / max * (Width - Label - 60);
            var name = WebUtility.HtmlEncode(row.Name);
            svg.Append(CultureInfo.InvariantCulture, $"<g><title>{name}: {row.Tickets} tickets, {row.PublicArticles} public and {row.InternalArticles} internal articles, gap {row.Gap:0.##}</title>");
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{Label - 8}\" y=\"{y + 17}\" text-anchor=\"end\">{WebUtility.HtmlEncode(Shorten(row.Name))}</text>");
            svg.Append(CultureInfo.InvariantCulture, $"<rect class=\"bar\" x=\"{Label}\" y=\"{y + 5}\" width=\"{tickets:0.#}\" height=\"16\"/>");
            svg.Append(CultureInfo.InvariantCulture, $"<rect class=\"bar zero\" x=\"{Label}\" y=\"{y + 9}\" width=\"{gap:0.#}\" height=\"8\"/>");
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{Label + tickets + 6:0.#}\" y=\"{y + 17}\">{row.Tickets}</text></g>");
        }

        return svg.Append("</svg>").ToString();
    }

    private static string Shorten(string name) => name.Length > 32 ? name[..31] + "…" : name;
}
