using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Json.Schema;
using KbCore.Accounts;
using KbServer.Tests.Infrastructure;

namespace KbServer.Tests.Api;

/// <summary>
/// <c>/openapi/v1.json</c> from the server on real Kestrel: valid against the official OpenAPI 3.1 JSON Schema, and
/// complete for an integrator (summary, examples, scopes, problem answers). The scopes it states are checked against
/// what the server enforces, so the reference cannot promise access the API refuses or hide a scope it demands.
/// </summary>
public sealed class OpenApiDocumentTests(KestrelServerFactory server) : IClassFixture<KestrelServerFactory>
{
    private static readonly string[] Methods = ["get", "put", "post", "delete", "patch"];

    [Fact]
    public async Task Document_IsValidAgainstTheOpenApi31JsonSchema()
    {
        // Arrange
        var schema = LoadOpenApiSchema();
        var document = await GetDocumentAsync();

        // Act
        var result = Validate(schema, document);

        // Assert
        Assert.StartsWith("3.1.", document["openapi"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.True(result.IsValid, "Not valid OpenAPI 3.1:\n" + Errors(result));
    }

    [Fact]
    public async Task Schema_RejectsADocumentThatBreaksTheSpecification()
    {
        // Arrange: the real document with one operation's responses turned into a string and info gone.
        var schema = LoadOpenApiSchema();
        var document = await GetDocumentAsync();
        document.AsObject().Remove("info");
        document["paths"]!["/api/v1/search"]!["get"]!["responses"] = "none";

        // Act
        var result = Validate(schema, document);

        // Assert
        Assert.False(result.IsValid);
    }

    [Fact]
    public async Task EveryOperation_HasASummary_Examples_AndProblemAnswers()
    {
        // Arrange
        var operations = Operations(await GetDocumentAsync()).ToList();

        // Assert
        Assert.True(operations.Count >= 20, $"only {operations.Count} operations");
        Assert.All(operations, op =>
        {
            var name = $"{op.Method.ToUpperInvariant()} {op.Path}";
            Assert.False(string.IsNullOrWhiteSpace(op.Operation["summary"]?.GetValue<string>()), name + ": no summary");
            Assert.False(string.IsNullOrWhiteSpace(op.Operation["description"]?.GetValue<string>()), name + ": no description");
            if (op.Operation["requestBody"] is { } body)
            {
                Assert.True(Media(body).Any(m => m["example"] is not null), name + ": request body without an example");
            }

            var responses = op.Operation["responses"]!.AsObject();
            var success = responses.Where(r => r.Key.StartsWith('2')).ToList();
            Assert.True(success.Count > 0, name + ": no success answer");
            Assert.All(success.Where(r => r.Key != "204"), r => Assert.True(Media(r.Value!).Any(m => m["example"] is not null), $"{name} {r.Key}: no example"));

            var problems = responses.Where(r => r.Key[0] is '4' or '5').ToList();
            Assert.True(problems.Count > 0, name + ": no problem answers");
            Assert.All(problems, r =>
            {
                var problem = r.Value!["content"]?["application/problem+json"]?["schema"]?["$ref"]?.GetValue<string>();
                Assert.True(problem is "#/components/schemas/ProblemDetails" or "#/components/schemas/HttpValidationProblemDetails", $"{name} {r.Key}: not a problem+json answer");
            });
        });
    }

    [Fact]
    public async Task ProtectedOperations_StateTheirScopes_WithTheBearerScheme_AndTheirAuthProblems()
    {
        // Arrange
        var document = await GetDocumentAsync();
        var bearer = document["components"]!["securitySchemes"]!["bearer"]!;

        // Assert
        Assert.Equal("http", bearer["type"]!.GetValue<string>());
        Assert.Equal("bearer", bearer["scheme"]!.GetValue<string>());
        var articlesWrite = document["paths"]!["/api/v1/articles/{path}"]!["put"]!;
        Assert.Equal([TokenScopes.ArticlesWrite], Scopes(articlesWrite)!);
        Assert.Contains("`articles:write`", articlesWrite["description"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("session cookie", articlesWrite["description"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.All(Operations(document).Where(op => Scopes(op.Operation) is not null), op =>
        {
            Assert.NotNull(op.Operation["responses"]!["401"]);
            Assert.NotNull(op.Operation["responses"]!["403"]);
        });
        Assert.Null(Scopes(document["paths"]!["/api/v1/search"]!["get"]!));
    }

    [Fact]
    public async Task DocumentedScopes_AreTheOnesTheServerEnforces()
    {
        // Arrange: an admin (so no role gets in the way) with a token per scope set the test needs.
        var user = await StudioSession.CreateUserAsync(server, "scopes@example.com", KbRoles.Admin);
        var operations = Operations(await GetDocumentAsync()).ToList();
        var tokens = new Dictionary<string, string>(StringComparer.Ordinal);
        async Task<HttpClient> ClientAsync(params string[] scopes)
        {
            var key = string.Join(',', scopes);
            if (!tokens.TryGetValue(key, out var token))
            {
                token = tokens[key] = await ApiTokens.ForAsync(server, user, scopes);
            }

            var client = server.CreateClient();
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
            return client;
        }

        // Act and assert: bad input everywhere (unknown ids and paths, empty bodies), so nothing is written.
        Assert.All(operations.Where(op => Scopes(op.Operation) is null), op => Assert.True(op.Path is "/api/v1/search" or "/api/v1/autocomplete" or "/api/v1/feedback", $"{op.Path} is documented as public"));
        foreach (var op in operations)
        {
            var name = $"{op.Method.ToUpperInvariant()} {op.Path}";
            var scopes = Scopes(op.Operation);
            if (scopes is null)
            {
                var anonymous = await SendAsync(server.CreateClient(), op);
                Assert.True(anonymous.StatusCode is not (HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden), $"{name} is documented as public but answered {anonymous.StatusCode}");
                continue;
            }

            Assert.True(scopes.Count > 0, name + ": protected without a scope");
            var allowed = await SendAsync(await ClientAsync([.. scopes]), op);
            var others = await SendAsync(await ClientAsync([.. TokenScopes.All.Except(scopes)]), op);
            var nobody = await SendAsync(server.CreateClient(), op);
            Assert.True(allowed.StatusCode is not (HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden), $"{name} refused the documented scopes ({allowed.StatusCode})");
            Assert.Equal(HttpStatusCode.Forbidden, others.StatusCode);
            Assert.Equal(HttpStatusCode.Unauthorized, nobody.StatusCode);
        }
    }

    private async Task<JsonNode> GetDocumentAsync()
    {
        using var client = new HttpClient { BaseAddress = server.RootUri };
        return JsonNode.Parse(await client.GetStringAsync("/openapi/v1.json"))!;
    }

    /// <summary>Built once: the schema registers its $id and dynamic anchors, which a second build would repeat.</summary>
    private static readonly Lazy<JsonSchema> OpenApiSchema = new(BuildOpenApiSchema);

    private static JsonSchema LoadOpenApiSchema() => OpenApiSchema.Value;

    private static JsonSchema BuildOpenApiSchema()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "openapi-3.1.schema.json");
        Assert.True(File.Exists(path), $"{path} is missing: the test project's build writes it from npm (OpenApiSchema/)");
        var text = File.ReadAllText(path);
        Assert.Contains("https://spec.openapis.org/oas/3.1/schema/", text, StringComparison.Ordinal);
        return JsonSchema.FromText(text);
    }

    private static EvaluationResults Validate(JsonSchema schema, JsonNode document) =>
        schema.Evaluate(document, new EvaluationOptions { OutputFormat = OutputFormat.List, RequireFormatValidation = true });

    private static string Errors(EvaluationResults result) => string.Join('\n', (result.Details ?? [])
        .Where(d => d.Errors is { Count: > 0 })
        .SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation} ({d.EvaluationPath}): {e.Key}: {e.Value}"))
        .Take(30));

    private static IEnumerable<(string Path, string Method, JsonNode Operation)> Operations(JsonNode document) =>
        document["paths"]!.AsObject().SelectMany(p => p.Value!.AsObject()
            .Where(m => Methods.Contains(m.Key))
            .Select(m => (p.Key, m.Key, m.Value!)));

    private static IEnumerable<JsonNode> Media(JsonNode holder) =>
        holder["content"]?.AsObject().Select(c => c.Value!) ?? [];

    /// <summary>The scopes of the bearer requirement; null when the operation has none (public).</summary>
    private static List<string>? Scopes(JsonNode operation) =>
        operation["security"]?.AsArray().Select(r => r!["bearer"]).FirstOrDefault(b => b is not null)?.AsArray().Select(s => s!.GetValue<string>()).ToList();

    private static async Task<HttpResponseMessage> SendAsync(HttpClient client, (string Path, string Method, JsonNode Operation) op)
    {
        var path = op.Path.Replace("{path}", "no-such/article", StringComparison.Ordinal).Replace("{id}", "987654", StringComparison.Ordinal);
        using var request = new HttpRequestMessage(new HttpMethod(op.Method.ToUpperInvariant()), path);
        if (op.Method is "post" or "put")
        {
            request.Content = new StringContent("{}", Encoding.UTF8, "application/json");
        }

        using (client)
        {
            return await client.SendAsync(request);
        }
    }
}
