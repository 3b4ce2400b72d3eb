using System.Text.Json.Nodes;
using Microsoft.AspNetCore.OpenApi;

namespace KbServer.Api;

/// <summary>
/// Request examples in the OpenAPI document for the endpoints integrations call from a helpdesk: these read their
/// body themselves (to bound its size and name bad fields), so the schema alone would not show its shape.
/// </summary>
internal static class ApiExamples
{
    private static readonly Dictionary<string, string> Requests = new(StringComparer.Ordinal)
    {
        [$"POST {ApiV1.RelativePrefix}/suggestions"] = """{"category":"invoice-delivery","subject":"Client never got the invoice email","description":"Sent yesterday, not in their spam folder","limit":5}""",
        [$"POST {ApiV1.RelativePrefix}/ticket-events"] = """{"id":"evt-2026-0001","type":"ticket.created","ticketId":"4711","externalCategory":{"system":"zendesk","id":"360001003"},"occurredAt":"2026-11-23T09:30:00Z"}""",
        [$"POST {ApiV1.RelativePrefix}/ticket-events/zendesk"] = """{"id":"01HZX3","type":"zen:event-type:ticket.created","time":"2026-11-23T09:30:00Z","detail":{"id":"4711","form_id":"360001003"}}""",
        [$"POST {ApiV1.RelativePrefix}/ticket-events/freshdesk"] = """{"freshdesk_webhook":{"ticket_id":4711,"ticket_type":"inv_delivery","ticket_status":"Open"}}""",
        [$"PUT {ApiV1.RelativePrefix}/articles/{{path}}"] = """{"content":"---\ntitle: Send an invoice\nsummary: Email an invoice to a client\n---\nOpen the invoice and choose **Send**.\n","baseRevision":"3b18e512dba79e4c8300dd08aeb37f8e728b8dad","message":"Mention the Send button"}""",
        [$"POST {ApiV1.RelativePrefix}/changes"] = """{"title":"Rewrite the invoicing section for the new editor"}""",
        [$"POST {ApiV1.RelativePrefix}/feedback"] = """{"path":"invoicing/sending-and-reminders/send-an-invoice","helpful":true,"comment":"The screenshots helped."}""",
    };

    public static OpenApiOptions AddRequestExamples(this OpenApiOptions options) =>
        options.AddOperationTransformer((operation, context, _) =>
        {
            // Catch-all routes ({**path}) are keyed as the document shows them ({path}).
            var key = $"{context.Description.HttpMethod} {context.Description.RelativePath?.TrimEnd('/').Replace("{**", "{", StringComparison.Ordinal)}";
            if (Requests.TryGetValue(key, out var example))
            {
                var media = new Microsoft.OpenApi.OpenApiMediaType { Example = JsonNode.Parse(example) };
                if (operation.RequestBody is Microsoft.OpenApi.OpenApiRequestBody { Content: { } content })
                {
                    // Keep the schema a declared body type gives; add the example beside it.
                    if (content.TryGetValue("application/json", out var declared))
                    {
                        declared.Example = media.Example;
                    }
                    else
                    {
                        content["application/json"] = media;
                    }
                }
                else
                {
                    operation.RequestBody = new Microsoft.OpenApi.OpenApiRequestBody
                    {
                        Required = true,
                        Content = new Dictionary<string, Microsoft.OpenApi.OpenApiMediaType> { ["application/json"] = media },
                    };
                }
            }

            return Task.CompletedTask;
        });
}
