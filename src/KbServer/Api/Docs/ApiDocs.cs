using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.OpenApi;

namespace KbServer.Api.Docs;

/// <summary>Endpoint conventions for the OpenAPI document, kept beside the endpoints they describe.</summary>
internal static class ApiDocs
{
    private const string Json = "application/json";

    /// <summary>
    /// A success answer with an example body. The handlers answer anonymous objects (the wire shape is the contract,
    /// not a C# type), so the example is what shows an integrator the fields.
    /// </summary>
    public static TBuilder WithResponseExample<TBuilder>(this TBuilder builder, int status, string description, [StringSyntax(StringSyntaxAttribute.Json)] string json)
        where TBuilder : IEndpointConventionBuilder
    {
        var example = JsonNode.Parse(json);
        builder.WithMetadata(new ProducesResponseTypeMetadata(status, typeof(void)));
        return builder.AddOpenApiOperationTransformer((operation, _, _) =>
        {
            var response = Response(operation, status, description);
            response.Content ??= new Dictionary<string, OpenApiMediaType>();
            if (!response.Content.TryGetValue(Json, out var media))
            {
                media = new OpenApiMediaType();
                response.Content[Json] = media;
            }

            media.Example = example?.DeepClone();
            return Task.CompletedTask;
        });
    }

    /// <summary>A success answer without a body (204, or a redirect).</summary>
    public static TBuilder WithEmptyResponse<TBuilder>(this TBuilder builder, int status, string description)
        where TBuilder : IEndpointConventionBuilder
    {
        builder.WithMetadata(new ProducesResponseTypeMetadata(status, typeof(void)));
        return builder.AddOpenApiOperationTransformer((operation, _, _) =>
        {
            Response(operation, status, description);
            return Task.CompletedTask;
        });
    }

    /// <summary>Problem answers (RFC 7807, <c>application/problem+json</c>) this endpoint gives besides the ones its access rules imply.</summary>
    public static RouteHandlerBuilder ProducesProblems(this RouteHandlerBuilder builder, params int[] statuses)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(statuses);
        foreach (var status in statuses)
        {
            if (status == StatusCodes.Status422UnprocessableEntity)
            {
                builder.ProducesValidationProblem(status);
            }
            else
            {
                builder.ProducesProblem(status);
            }
        }

        return builder;
    }

    internal static OpenApiResponse Response(OpenApiOperation operation, int status, string description)
    {
        operation.Responses ??= new OpenApiResponses();
        var key = status.ToString(CultureInfo.InvariantCulture);
        if (!operation.Responses.TryGetValue(key, out var existing) || existing is not OpenApiResponse response)
        {
            response = new OpenApiResponse();
            operation.Responses[key] = response;
        }

        response.Description = description;
        return response;
    }
}
