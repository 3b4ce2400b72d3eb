using System.Text.Json;
using KbCore.Outcomes;
using KbServer.Api;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace KbServer.Tests.Api;

/// <summary>The one mapping from a service's refusal to the API's problem answer.</summary>
public sealed class ApiProblemsTests
{
    [Theory]
    [InlineData(RefusalKind.Forbidden, 403)]
    [InlineData(RefusalKind.NotFound, 404)]
    [InlineData(RefusalKind.Conflict, 409)]
    [InlineData(RefusalKind.Stale, 412)]
    [InlineData(RefusalKind.Invalid, 422)]
    public void StatusOf_EachKind_IsItsOwnStatus(RefusalKind kind, int status) => Assert.Equal(status, ApiProblems.StatusOf(kind));

    [Fact]
    public void StatusOf_EveryKind_IsMapped_ToADistinctClientError()
    {
        var statuses = Enum.GetValues<RefusalKind>().Select(ApiProblems.StatusOf).ToList();

        Assert.Equal(statuses.Count, statuses.Distinct().Count());
        Assert.All(statuses, s => Assert.InRange(s, 400, 499));
    }

    [Fact]
    public async Task From_AForbiddenRefusal_WritesA403ProblemWithTheMessageAsDetail()
    {
        var (status, body) = await ExecuteAsync(Refusal.Forbidden("Only reviewers and admins review change requests."));

        Assert.Equal(403, status);
        Assert.Equal("Only reviewers and admins review change requests.", body.GetProperty("detail").GetString());
        Assert.Equal(403, body.GetProperty("status").GetInt32());
    }

    [Fact]
    public async Task From_AnInvalidRefusal_Writes422NamingTheField()
    {
        var (status, body) = await ExecuteAsync(Refusal.Invalid("title", "Give the change request a title."));

        Assert.Equal(422, status);
        Assert.Equal("Give the change request a title.", body.GetProperty("errors").GetProperty("title")[0].GetString());
        Assert.Equal("Give the change request a title.", body.GetProperty("detail").GetString());
    }

    private static async Task<(int Status, JsonElement Body)> ExecuteAsync(Refusal refusal)
    {
        await using var services = new ServiceCollection().AddLogging().BuildServiceProvider();
        var context = new DefaultHttpContext { RequestServices = services };
        using var stream = new MemoryStream();
        context.Response.Body = stream;

        await ApiProblems.From(refusal).ExecuteAsync(context);

        stream.Position = 0;
        using var document = await JsonDocument.ParseAsync(stream);
        return (context.Response.StatusCode, document.RootElement.Clone());
    }
}
