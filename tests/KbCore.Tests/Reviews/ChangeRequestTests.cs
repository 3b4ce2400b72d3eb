using KbCore.Accounts;
using KbCore.Content;
using KbCore.Data;
using KbCore.Outcomes;
using KbCore.Reviews;
using KbCore.Tests.Data;
using KbCore.Tests.Infrastructure;
using LibGit2Sharp;

namespace KbCore.Tests.Reviews;

/// <summary>Change requests on a real bare repository and a real SQLite file: branch, review, merge with trailers.</summary>
public sealed class ChangeRequestTests : IAsyncLifetime, IDisposable
{
    private static readonly ReviewerIdentity Ana = new("u-ana", "Ana Author", "ana@example.com", [KbRoles.Author]);
    private static readonly ReviewerIdentity Rita = new("u-rita", "Rita Reviewer", "rita@example.com", [KbRoles.Reviewer]);
    private static readonly ReviewerIdentity Rob = new("u-rob", "Rob Reviewer", "rob@example.com", [KbRoles.Reviewer]);

    private readonly TempGitRepo _repo = TempGitRepo.CreateBare();
    private readonly TestDatabase _db = new();
    private ContentStore _store = null!;
    private ChangeRequests _changes = null!;
    private ContentWriter _writer = null!;

    public async Task InitializeAsync()
    {
        _repo.Commit(new Dictionary<string, string?>
        {
            ["help/refunds.md"] = "---\ntitle: Refunds\n---\nRefunds take five days.\n",
            ["help/cards.md"] = "---\ntitle: Cards\n---\nWe take cards.\n",
        });
        await _db.MigrateAsync();
        await using (var db = _db.CreateDbContext())
        {
            foreach (var person in new[] { Ana, Rita, Rob })
            {
                db.Users.Add(new KbUser { Id = person.UserId, UserName = person.Email, Email = person.Email, DisplayName = person.Name });
            }

            await db.SaveChangesAsync();
        }

        (_store, _writer) = TestContent.Writer(_repo.Path);
        var options = Microsoft.Extensions.Options.Options.Create(TestContent.Options(_repo.Path));
        var repository = new ContentRepository(options, Microsoft.Extensions.Logging.Abstractions.NullLogger<ContentRepository>.Instance);
        _changes = new ChangeRequests(_db, _writer, repository, options, TimeProvider.System);
    }

    [Fact]
    public async Task Create_WhenSomeoneAlreadyPushedTheBranchName_UsesAnotherAndLeavesTheirBranchAlone()
    {
        // Someone pushed branches named as the next change requests would be, over git.
        string Tip(string branch)
        {
            using var repo = new Repository(_repo.Path);
            return repo.Branches[branch].Tip.Sha;
        }

        var main = Tip("main");
        using (var repo = new Repository(_repo.Path))
        {
            for (var id = 1; id <= 3; id++)
            {
                repo.Refs.Add($"refs/heads/cr/{id}-refund-wording", main);
            }
        }

        var (request, error) = await _changes.CreateAsync("Refund wording", Ana, default);

        Assert.Null(error);
        Assert.Matches(@"^cr/\d+-refund-wording-[0-9a-f]{8}$", request!.Branch);
        Assert.Equal(main, Tip(request.Branch));
        await _changes.SaveAsync(request.Id, "help/refunds", "---\ntitle: Refunds\n---\nRefunds take two days.\n", Revision("help/refunds"), Ana, null, default);
        Assert.Equal(main, Tip($"cr/{request.Id}-refund-wording"));
        Assert.Equal(["help/refunds.md"], _changes.Changes((await _changes.FindAsync(request.Id, default))!).Select(c => c.Path));
    }

    [Fact]
    public async Task TwoArticlesEdited_Reviewed_Merged_WithApprovedByInTheMergeCommit_AndLiveOnlyAfterTheMerge()
    {
        var (request, error) = await _changes.CreateAsync("Clarify refunds and cards", Ana, default);
        Assert.Null(error);
        Assert.Matches(@"^cr/\d+-clarify-refunds-and-cards$", request!.Branch);

        await _changes.SaveAsync(request.Id, "help/refunds", "---\ntitle: Refunds\n---\nRefunds take three days.\n", Revision("help/refunds"), Ana, null, default);
        await _changes.SaveAsync(request.Id, "help/cards", "---\ntitle: Cards\n---\nWe take cards and wallets.\n", Revision("help/cards"), Ana, null, default);
        Assert.Contains("five days", _store.Current.Articles["help/refunds"].Body, StringComparison.Ordinal);
        Assert.Equal(["help/cards.md", "help/refunds.md"], _changes.Changes((await _changes.FindAsync(request.Id, default))!).Select(c => c.Path).Order());

        Assert.Null(await _changes.SubmitAsync(request.Id, Ana, default));
        var own = await _changes.ReviewAsync(request.Id, Ana with { Roles = [KbRoles.Reviewer] }, ChangeRequestReview.Approve, default);
        Assert.Equal(RefusalKind.Conflict, own?.Kind);
        Assert.Contains("you wrote in", own!.Message, StringComparison.Ordinal);
        Assert.Null(await _changes.ReviewAsync(request.Id, Rob, ChangeRequestReview.RequestChanges, default));
        Assert.Equal(ChangeRequestStates.ChangesRequested, (await _changes.FindAsync(request.Id, default))!.State);
        Assert.Null(await _changes.ReviewAsync(request.Id, Rita, ChangeRequestReview.Approve, default));
        Assert.Equal(ChangeRequestStates.Approved, (await _changes.FindAsync(request.Id, default))!.State);

        var (commit, mergeError) = await _changes.MergeAsync(request.Id, Rita, default);

        Assert.Null(mergeError);
        using var repo = new Repository(_repo.Path);
        var merge = repo.Branches["main"].Tip;
        Assert.Equal(commit, merge.Sha);
        Assert.Equal(2, merge.Parents.Count());
        Assert.Contains("Approved-by: Rita Reviewer <rita@example.com>", merge.Message, StringComparison.Ordinal);
        Assert.Contains("Reviewed-by: Rob Reviewer <rob@example.com>", merge.Message, StringComparison.Ordinal);
        Assert.StartsWith("Clarify refunds and cards (change request #", merge.Message, StringComparison.Ordinal);
        Assert.Contains("three days", _store.Current.Articles["help/refunds"].Body, StringComparison.Ordinal);
        Assert.Equal(ChangeRequestStates.Merged, (await _changes.FindAsync(request.Id, default))!.State);

        // History marks the merge with its approver.
        var options = Microsoft.Extensions.Options.Options.Create(TestContent.Options(_repo.Path));
        var revisions = new ArticleRevisions(new ContentRepository(options, Microsoft.Extensions.Logging.Abstractions.NullLogger<ContentRepository>.Instance), options);
        var history = revisions.History("help/refunds.md");
        Assert.Contains(history, r => r.CommitSha == commit && r.ApprovedBy.SequenceEqual(["Rita Reviewer <rita@example.com>"]));
    }

    [Fact]
    public async Task AMergedChangeRequest_IsRevertedThroughANewChangeRequest()
    {
        var (request, _) = await _changes.CreateAsync("Refund wording", Ana, default);
        await _changes.SaveAsync(request!.Id, "help/refunds", "---\ntitle: Refunds\n---\nRefunds take an hour.\n", Revision("help/refunds"), Ana, null, default);
        await _changes.SaveAsync(request.Id, "help/new-page", "---\ntitle: New page\n---\nNew.\n", null, Ana, null, default);
        await _changes.SubmitAsync(request.Id, Ana, default);
        await _changes.ReviewAsync(request.Id, Rita, ChangeRequestReview.Approve, default);
        await _changes.MergeAsync(request.Id, Rita, default);
        Assert.Contains("an hour", _store.Current.Articles["help/refunds"].Body, StringComparison.Ordinal);

        var (revert, error) = await _changes.RevertAsync(request.Id, Ana, default);
        Assert.Null(error);
        Assert.StartsWith("Revert \"Refund wording\"", revert!.Title, StringComparison.Ordinal);
        Assert.Contains("an hour", _store.Current.Articles["help/refunds"].Body, StringComparison.Ordinal);
        await _changes.SubmitAsync(revert.Id, Ana, default);
        await _changes.ReviewAsync(revert.Id, Rita, ChangeRequestReview.Approve, default);
        var (_, mergeError) = await _changes.MergeAsync(revert.Id, Rita, default);

        Assert.Null(mergeError);
        Assert.Contains("five days", _store.Current.Articles["help/refunds"].Body, StringComparison.Ordinal);
        Assert.False(_store.Current.Articles.ContainsKey("help/new-page"));
    }

    [Fact]
    public async Task ASaveAfterApproval_PutsItBackInReview_AndMergeIsRefusedUntilApprovedAgain()
    {
        var (request, _) = await _changes.CreateAsync("Refund wording", Ana, default);
        await _changes.SaveAsync(request!.Id, "help/refunds", "---\ntitle: Refunds\n---\nRefunds take four days.\n", Revision("help/refunds"), Ana, null, default);
        await _changes.SubmitAsync(request.Id, Ana, default);
        await _changes.ReviewAsync(request.Id, Rita, ChangeRequestReview.Approve, default);

        var onBranch = (await _changes.FindAsync(request.Id, default))!;
        var again = await _changes.SaveAsync(request.Id, "help/refunds", "---\ntitle: Refunds\n---\nRefunds take four working days.\n", _writer.Read("help/refunds", onBranch.Branch)!.Value.Revision, Ana, null, default);
        Assert.Equal(SaveStatus.Committed, again.Status);
        var (commit, error) = await _changes.MergeAsync(request.Id, Rita, default);

        Assert.Equal(ChangeRequestStates.Approved, onBranch.State);
        Assert.Equal(ChangeRequestStates.InReview, (await _changes.FindAsync(request.Id, default))!.State);
        Assert.Null(commit);
        Assert.Equal(RefusalKind.Conflict, error?.Kind);
        Assert.Contains("approval", error!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ABranchThatDoesNotMergeCleanly_IsRefused_AndMainIsUntouched()
    {
        var (request, _) = await _changes.CreateAsync("Conflicting", Ana, default);
        await _changes.SaveAsync(request!.Id, "help/refunds", "---\ntitle: Refunds\n---\nRefunds take one day.\n", Revision("help/refunds"), Ana, null, default);
        _repo.Commit(new Dictionary<string, string?> { ["help/refunds.md"] = "---\ntitle: Refunds\n---\nRefunds take ten days.\n" });
        await _changes.SubmitAsync(request.Id, Ana, default);
        await _changes.ReviewAsync(request.Id, Rita, ChangeRequestReview.Approve, default);
        var tip = _repo.TipSha;

        var (commit, error) = await _changes.MergeAsync(request.Id, Rita, default);

        Assert.Null(commit);
        Assert.Equal(RefusalKind.Conflict, error?.Kind);
        Assert.Contains("help/refunds.md", error!.Message, StringComparison.Ordinal);
        Assert.Equal(tip, _repo.TipSha);
    }

    [Fact]
    public async Task ConflictsWithThePublishedBranch_AreResolvedByTheAuthor_ThenTheRequestMerges()
    {
        var (request, _) = await _changes.CreateAsync("Conflicting", Ana, default);
        await _changes.SaveAsync(request!.Id, "help/refunds", "---\ntitle: Refunds\n---\nRefunds take one day.\n", Revision("help/refunds"), Ana, null, default);
        await _changes.SaveAsync(request.Id, "help/cards", "---\ntitle: Cards\n---\nWe take cards and cash.\n", Revision("help/cards"), Ana, null, default);
        _repo.Commit(new Dictionary<string, string?> { ["help/refunds.md"] = "---\ntitle: Refunds\n---\nRefunds take ten days.\n", ["help/other.md"] = "# Other\n" });
        _store.Refresh();

        var first = await _changes.UpdateFromPublishedAsync(request.Id, Ana, null, default);
        var conflict = Assert.Single(first.Conflicts);
        Assert.Equal(SaveStatus.Conflict, first.Status);
        Assert.Equal("help/refunds.md", conflict.Path);
        Assert.Contains("one day", conflict.Ours, StringComparison.Ordinal);
        Assert.Contains("ten days", conflict.Theirs, StringComparison.Ordinal);

        // Settled against a published version that has moved on since: refused, nothing written.
        _repo.Commit(new Dictionary<string, string?> { ["help/refunds.md"] = "---\ntitle: Refunds\n---\nRefunds take eleven days.\n" });
        var stale = await _changes.UpdateFromPublishedAsync(request.Id, Ana,
            new Dictionary<string, string?> { ["help/refunds.md"] = "---\ntitle: Refunds\n---\nRefunds take two days.\n" }, default, first.PublishedTip);
        Assert.Equal(SaveStatus.Conflict, stale.Status);
        Assert.Contains("eleven days", Assert.Single(stale.Conflicts).Theirs, StringComparison.Ordinal);

        var resolved = await _changes.UpdateFromPublishedAsync(request.Id, Ana,
            new Dictionary<string, string?> { ["help/refunds.md"] = "---\ntitle: Refunds\n---\nRefunds take two days.\n" }, default, stale.PublishedTip);
        Assert.Equal(SaveStatus.Committed, resolved.Status);
        await _changes.SubmitAsync(request.Id, Ana, default);
        await _changes.ReviewAsync(request.Id, Rita, ChangeRequestReview.Approve, default);
        var (merge, error) = await _changes.MergeAsync(request.Id, Rita, default);

        Assert.Null(error);
        Assert.NotNull(merge);
        Assert.Contains("two days", _store.Current.Articles["help/refunds"].Body, StringComparison.Ordinal);
        Assert.Contains("cash", _store.Current.Articles["help/cards"].Body, StringComparison.Ordinal);
        Assert.True(_store.Current.Articles.ContainsKey("help/other"));
    }

    [Fact]
    public async Task OnlyTheAuthorWritesIntoARequest_AndAContributorCannotApproveIt()
    {
        var (request, _) = await _changes.CreateAsync("Ana's wording", Ana, default);
        var rob = await _changes.SaveAsync(request!.Id, "help/refunds", "---\ntitle: Refunds\n---\nRob's unreviewed text.\n", Revision("help/refunds"), Rob, null, default);
        Assert.Equal(SaveStatus.Rejected, rob.Status);

        var admin = new ReviewerIdentity("u-admin", "Ada Admin", "ada@example.com", [KbRoles.Admin]);
        await using (var db = _db.CreateDbContext())
        {
            db.Users.Add(new KbUser { Id = admin.UserId, UserName = admin.Email, Email = admin.Email, DisplayName = admin.Name });
            await db.SaveChangesAsync();
        }

        Assert.Equal(SaveStatus.Committed, (await _changes.SaveAsync(request.Id, "help/refunds", "---\ntitle: Refunds\n---\nAdmin text.\n", Revision("help/refunds"), admin, null, default)).Status);
        await _changes.SubmitAsync(request.Id, Ana, default);
        var own = await _changes.ReviewAsync(request.Id, admin, ChangeRequestReview.Approve, default);
        var stale = await _changes.ReviewAsync(request.Id, Rita, ChangeRequestReview.Approve, default, new string('0', 40));
        Assert.Equal(RefusalKind.Conflict, own?.Kind);
        Assert.Contains("wrote in", own!.Message, StringComparison.Ordinal);
        Assert.Equal(RefusalKind.Stale, stale?.Kind);
        Assert.Contains("changed while you were reviewing", stale!.Message, StringComparison.Ordinal);
        Assert.Null(await _changes.ReviewAsync(request.Id, Rita, ChangeRequestReview.Approve, default));
    }

    [Fact]
    public async Task Refusals_SayWhyInKind_ForbiddenNotFoundConflictInvalid()
    {
        var (request, _) = await _changes.CreateAsync("Refund wording", Ana, default);
        await _changes.SaveAsync(request!.Id, "help/refunds", "---\ntitle: Refunds\n---\nRefunds take a week.\n", Revision("help/refunds"), Ana, null, default);

        var notAuthor = await _changes.SubmitAsync(request.Id, Rob, default);
        var notReviewer = await _changes.ReviewAsync(request.Id, Ana, ChangeRequestReview.Approve, default);
        var missing = await _changes.SubmitAsync(999, Ana, default);
        var (_, missingMerge) = await _changes.MergeAsync(999, Rita, default);
        var (_, missingRevert) = await _changes.RevertAsync(999, Rita, default);
        var draft = await _changes.ReviewAsync(request.Id, Rita, ChangeRequestReview.Approve, default);
        var (_, untitled) = await _changes.CreateAsync("  ", Ana, default);
        var emptyComment = await _changes.CommentAsync(request.Id, "help/refunds", 1, " ", Rita, default);
        Assert.Null(await _changes.CloseAsync(request.Id, Ana, default));
        var closed = await _changes.SubmitAsync(request.Id, Ana, default);
        var commentOnClosed = await _changes.CommentAsync(request.Id, "help/refunds", 1, "Why a week?", Rita, default);

        Assert.Equal(RefusalKind.Forbidden, notAuthor?.Kind);
        Assert.Equal(RefusalKind.Forbidden, notReviewer?.Kind);
        Assert.Equal("Only reviewers and admins review change requests.", notReviewer!.Message);
        Assert.Equal([RefusalKind.NotFound, RefusalKind.NotFound, RefusalKind.NotFound], new[] { missing?.Kind, missingMerge?.Kind, missingRevert?.Kind });
        Assert.Equal("Change request #999 is not open.", missing!.Message);
        Assert.Equal(RefusalKind.Conflict, draft?.Kind);
        Assert.Equal((RefusalKind.Invalid, "title"), (untitled!.Kind, untitled.Field));
        Assert.Equal((RefusalKind.Invalid, "body"), (emptyComment!.Kind, emptyComment.Field));
        Assert.Equal(RefusalKind.Conflict, closed?.Kind);
        Assert.Equal(RefusalKind.Conflict, commentOnClosed?.Kind);
        Assert.Equal($"Change request #{request.Id} is not open.", closed!.Message);
    }

    [Fact]
    public void Policy_IsReadFromTheRepository_AndFailsClosedWhenBroken()
    {
        Assert.Equal(ReviewPolicy.Default, _changes.Policy());

        _repo.Commit(new Dictionary<string, string?> { [ReviewPolicy.FilePath] = "publish_directly: [Admin]\nmin_approvals: 2\nauthors_may_approve_own: true\nmerge: squash\n" });
        var policy = _changes.Policy();
        Assert.Equal(["Admin"], policy.PublishDirectly);
        Assert.Equal(2, policy.MinApprovals);
        Assert.True(policy.AuthorsMayApproveOwn);
        Assert.True(policy.Squash);
        Assert.False(policy.MayPublishDirectly([KbRoles.Author]));

        _repo.Commit(new Dictionary<string, string?> { [ReviewPolicy.FilePath] = "publish_directly: [unclosed\n" });
        Assert.Empty(_changes.Policy().PublishDirectly);
    }

    private string Revision(string path) => _store.Current.Articles[path].BlobSha;

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose()
    {
        _repo.Dispose();
        _db.Dispose();
    }
}
