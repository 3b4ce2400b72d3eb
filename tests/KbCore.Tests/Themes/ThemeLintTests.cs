using KbCore.Tests.Infrastructure;
using KbCore.Themes;
using Microsoft.Extensions.Options;

namespace KbCore.Tests.Themes;

/// <summary>
/// <c>check --theme</c> beyond syntax: unknown variables, members and filters, and missing partials, each with
/// file and line; and none of that for what templates legitimately read.
/// </summary>
public sealed class ThemeLintTests : IDisposable
{
    private static readonly Dictionary<string, string> Files = new(StringComparer.Ordinal)
    {
        ["default/layouts/default.liquid"] = "<title>{{ page_title }}</title>{{ content_for_layout }}{% include 'partials/card', card: page %}",
        ["default/partials/card.liquid"] = "<p>{{ card.title }}</p>\n{% if shown %}{{ outer }}{% endif %}",
        ["default/partials/unused.liquid"] = "{{ anything.goes }} {{ page.title }}",
        ["default/templates/article.liquid"] = """
            {% layout 'layouts/default' %}
            {% assign outer = page.title | upcase %}{% capture shown %}{{ page.summary }}{% endcapture %}
            {% for crumb in page.breadcrumbs %}{{ crumb.url }} {{ forloop.index }}{% endfor %}
            {% for h in page.toc limit: 3 %}{{ h.level | plus: 1 }}{% endfor %}
            {% if page.internal %}{% assign flag = true %}{% endif %}{{ flag }}
            {{ site.navigation.first.url }} {{ site.navigation.size }} {{ page.title.size }} {{ theme.settings.show_recent }} {{ theme.name }}
            {% breadcrumbs current: page.title %}{% related_articles heading: 'More' %}
            {% increment n %}{{ n }} {{ template }} {{ page_description }}
            """,
        ["default/templates/error.liquid"] = "{{ page.status }} {{ page.message | escape }}",
        ["default/partials/breadcrumbs.liquid"] = "{% for c in crumbs %}{{ c | link_to_article }}{% endfor %}{{ current }}{{ current_url }}",
        ["default/partials/related-articles.liquid"] = "{{ heading }}{% for a in articles %}{{ a.section }}{% endfor %}",
        ["typos/templates/article.liquid"] = """
            {% layout 'layouts/default' %}
            <h1>{{ page.titel }}</h1>
            <p>{{ page.summary | upcasee }}</p>
            {% for a in page.related %}
              {{ a.titl }}
            {% endfor %}
            {{ sit.name }}
            {% include 'partials/nowhere' %}
            {% if page.toc.size > 0 %}{{ page.toc.first.txt }}{% endif %}
            """,
        ["typos/partials/card.liquid"] = "<p>{{ card.title }}</p>\n\n{{ crad.title }} {{ page.nothing_like_this }}",
    };

    private static readonly string[] Typos =
    [
        "typos/partials/card.liquid:3: unknown variable 'crad'",
        "typos/partials/card.liquid:3: unknown member 'page.nothing_like_this': no page has 'nothing_like_this'",
        "typos/templates/article.liquid:2: unknown member 'page.titel': article has no 'titel'",
        "typos/templates/article.liquid:3: unknown filter 'upcasee'",
        "typos/templates/article.liquid:5: unknown member 'a.titl': article summary has no 'titl'",
        "typos/templates/article.liquid:7: unknown variable 'sit'",
        "typos/templates/article.liquid:8: 'partials/nowhere' is not a partial of this theme or of default",
        "typos/templates/article.liquid:9: unknown member 'page.toc.first.txt': heading has no 'txt'",
    ];

    private readonly TempDirectory _dir = new TempDirectory("kbthemes").WriteFiles(Files);

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Check_WhatTemplatesLegitimatelyRead_FindsNothing()
    {
        var result = Renderer("default").CheckTemplates();

        Assert.Empty(result.Errors.Select(e => e.Message));
    }

    [Fact]
    public void Check_Typos_AreReportedWithFileLineAndWhat()
    {
        var result = Renderer("typos").CheckTemplates();

        Assert.Equal(
            Typos.Order(StringComparer.Ordinal),
            result.Errors.Select(e => e.Message).Order(StringComparer.Ordinal));
    }

    private ThemeRenderer Renderer(string active) => new(Options.Create(new ThemeOptions { Directory = _dir.Path, Active = active }));
}
