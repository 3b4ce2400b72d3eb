using System.Globalization;
using System.Text;

namespace KbServer.Pages.Studio.Reports;

/// <summary>A bar chart as inline SVG: no script, so it works under the strict CSP and prints.</summary>
internal static class DailyChart
{
    private const int Width = 720;
    private const int Height = 180;
    private const int Bottom = 20;
    private const int Left = 36;

    /// <param name="what">What the bars count, for the accessible label ("searches").</param>
    public static string Render(IReadOnlyList<ChartDay> days, string what)
    {
        var max = Math.Max(1, days.Count == 0 ? 1 : days.Max(d => d.Total));
        var slot = (double)(Width - Left) / Math.Max(1, days.Count);
        var bar = Math.Max(1, slot * 0.8);
        var plot = Height - Bottom;
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg class=\"chart\" viewBox=\"0 0 {Width} {Height}\" role=\"img\" aria-label=\"{what} per day, {days.Sum(d => d.Total)} in all; the busiest day had {max}\">");
        svg.Append(CultureInfo.InvariantCulture, $"<line class=\"axis\" x1=\"{Left}\" y1=\"{plot}\" x2=\"{Width}\" y2=\"{plot}\"/>");
        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{Left - 6}\" y=\"12\" text-anchor=\"end\">{max}</text><text x=\"{Left - 6}\" y=\"{plot}\" text-anchor=\"end\">0</text>");
        for (var i = 0; i < days.Count; i++)
        {
            var day = days[i];
            var x = Left + (i * slot) + ((slot - bar) / 2);
            var h = (double)day.Total / max * (plot - 8);
            var z = (double)day.Part / max * (plot - 8);
            svg.Append(CultureInfo.InvariantCulture, $"<g><title>{System.Net.WebUtility.HtmlEncode(day.Tooltip)}</title>");
            svg.Append(CultureInfo.InvariantCulture, $"<rect class=\"bar\" x=\"{x:0.#}\" y=\"{plot - h:0.#}\" width=\"{bar:0.#}\" height=\"{h:0.#}\"/>");
            svg.Append(CultureInfo.InvariantCulture, $"<rect class=\"bar zero\" x=\"{x:0.#}\" y=\"{plot - z:0.#}\" width=\"{bar:0.#}\" height=\"{z:0.#}\"/></g>");
            if (days.Count <= 31 ? i % 7 == 0 : i % 30 == 0)
            {
                svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{x:0.#}\" y=\"{Height - 4}\">{day.Day:MMM d}</text>");
            }
        }

        return svg.Append("</svg>").ToString();
    }
}
