using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using KbCore.Accounts;
using KbServer.Auth;
using Microsoft.Extensions.DependencyInjection;

namespace KbServer.Tests.Infrastructure;

/// <summary>
/// A browser-like client for the studio: keeps cookies, does not follow redirects, and submits forms the way a
/// browser would (every field the form holds, antiforgery token included) with the caller's values on top.
/// </summary>
public sealed class StudioSession(HttpClient client)
{
    public HttpClient Client => client;

    public static StudioSession Anonymous(KbServerFactory factory)
    {
        ArgumentNullException.ThrowIfNull(factory);
        return new StudioSession(factory.CreateBrowserClient());
    }

    /// <summary>Creates an account straight through the accounts service and signs in through the login form.</summary>
    public static async Task<StudioSession> NewUserAsync(KbServerFactory factory, string email, string role, string password = "correct horse battery")
    {
        await CreateUserAsync(factory, email, role, password);
        var session = Anonymous(factory);
        var response = await session.SubmitAsync("/studio/login", "form.card", new() { ["Input.Email"] = email, ["Input.Password"] = password });
        Assert.Equal(System.Net.HttpStatusCode.Redirect, response.StatusCode);
        return session;
    }

    public static async Task<KbUser> CreateUserAsync(KbServerFactory factory, string email, string role, string? password = "correct horse battery")
    {
        ArgumentNullException.ThrowIfNull(factory);
        using var scope = factory.Services.CreateScope();
        var (result, user) = await scope.ServiceProvider.GetRequiredService<TeamAccounts>().CreateAsync(email, email.Split('@')[0], role, password);
        Assert.True(result.Succeeded, string.Join("; ", result.Errors.Values));
        return user!;
    }

    public async Task<IHtmlDocument> GetDocumentAsync(string url)
    {
        var response = await client.GetAsync(url);
        return new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());
    }

    /// <summary>Loads <paramref name="url"/>, fills the first form matching <paramref name="formSelector"/> and posts it.</summary>
    /// <param name="handler">Posts to this page handler instead of the form's own action (what the editor's script does).</param>
    public async Task<HttpResponseMessage> SubmitAsync(string url, string formSelector, Dictionary<string, string> values, string? handler = null)
    {
        ArgumentNullException.ThrowIfNull(values);
        var document = await GetDocumentAsync(url);
        var form = document.QuerySelector(formSelector) as IHtmlFormElement ?? throw new InvalidOperationException($"No form `{formSelector}` on {url}");
        return await PostFormAsync(url, form, values, handler);
    }

    public async Task<HttpResponseMessage> PostFormAsync(string pageUrl, IHtmlFormElement form, Dictionary<string, string> values, string? handler = null)
    {
        ArgumentNullException.ThrowIfNull(form);
        ArgumentNullException.ThrowIfNull(values);
        var fields = FieldsOf(form, values);
        fields.AddRange(values);
        var action = form.GetAttribute("action");
        var target = string.IsNullOrEmpty(action) ? pageUrl : action;
        if (handler is not null)
        {
            target = target.Split('?')[0] + "?handler=" + handler;
        }
        using var content = new FormUrlEncodedContent(fields);
        return await client.PostAsync(target, content);
    }

    /// <summary>Uploads a file the way the editor's paste and drop do (multipart, antiforgery header).</summary>
    public async Task<HttpResponseMessage> UploadImageAsync(string name, byte[] bytes)
    {
        var page = await GetDocumentAsync("/studio/edit");
        var token = page.QuerySelector("form.editor input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        using var file = new ByteArrayContent(bytes);
        using var body = new MultipartFormDataContent { { file, "file", name }, { new StringContent("invoicing/x"), "Path" } };
        using var request = new HttpRequestMessage(HttpMethod.Post, "/studio/edit?handler=Upload") { Content = body };
        request.Headers.Add("RequestVerificationToken", token);
        return await client.SendAsync(request);
    }

    /// <summary>What a browser submits from a form: every named field it holds (checked boxes only), minus the names in <paramref name="overrides"/>.</summary>
    public static List<KeyValuePair<string, string>> FieldsOf(IHtmlFormElement form, IReadOnlyDictionary<string, string> overrides)
    {
        ArgumentNullException.ThrowIfNull(form);
        ArgumentNullException.ThrowIfNull(overrides);
        var fields = new List<KeyValuePair<string, string>>();
        foreach (var element in form.Elements)
        {
            switch (element)
            {
                case IHtmlInputElement input when !string.IsNullOrEmpty(input.Name) && !overrides.ContainsKey(input.Name):
                    if ((input.Type is not "checkbox" and not "radio") || input.IsChecked)
                    {
                        fields.Add(new(input.Name, input.Value));
                    }

                    break;
                case IHtmlSelectElement select when !string.IsNullOrEmpty(select.Name) && !overrides.ContainsKey(select.Name):
                    fields.Add(new(select.Name, select.Value ?? string.Empty));
                    break;
                case IHtmlTextAreaElement area when !string.IsNullOrEmpty(area.Name) && !overrides.ContainsKey(area.Name):
                    fields.Add(new(area.Name, area.Value));
                    break;
            }
        }

        return fields;
    }
}
