using System.Diagnostics;
using KbServer.Tests.Infrastructure;

namespace KbServer.Tests;

/// <summary>The commands (<c>check</c>, <c>reindex</c>), run as an operator would: the real executable, exit code and output.</summary>
public sealed class CommandLineTests : IDisposable
{
    private readonly TempDirectory _repo = new("kbrepo");
    private readonly TempDirectory _data = new("kbdata");

    [Fact]
    public void Check_OnTheSampleContent_PassesStrict()
    {
        RepoPaths.Content.CopyTreeTo(_repo.Path);
        CommitAll();

        var (code, output) = RunCheck(_repo.Path, "--strict");

        Assert.True(code == 0, output);
        Assert.Contains("0 errors, 0 warnings", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("default")]
    [InlineData("midnight")]
    public void CheckTheme_ShippedTheme_ParsesEveryFile(string theme)
    {
        RepoPaths.Content.CopyTreeTo(_repo.Path);
        CommitAll();

        var (code, output) = Run("check", _repo.Path, "--theme", theme, $"--Themes:Directory={RepoPaths.Themes}");

        Assert.True(code == 0, output);
        Assert.Matches($"Checked [1-9][0-9] template files of theme `{theme}`: 0 errors", output);
    }

    [Fact]
    public void CheckTheme_BrokenPartial_ReportsFileAndLineAndFails()
    {
        RepoPaths.Content.CopyTreeTo(_repo.Path);
        CommitAll();
        using var themes = new TempDirectory("kbthemes");
        RepoPaths.Themes.CopyTreeTo(themes.Path);
        File.WriteAllText(themes.Combine("midnight", "partials", "footer.liquid"), "<footer>\n{{ site.name }}\n{% for x in %}\n</footer>\n");

        var (code, output) = Run("check", _repo.Path, "--theme", "midnight", $"--Themes:Directory={themes.Path}");
        var (missingCode, missingOutput) = Run("check", _repo.Path, "--theme", "no-such-theme", $"--Themes:Directory={themes.Path}");

        Assert.Equal(1, code);
        Assert.Contains("midnight/partials/footer.liquid:3:", output, StringComparison.Ordinal);
        Assert.Contains(": 1 errors.", output, StringComparison.Ordinal);
        Assert.Equal(2, missingCode);
        Assert.Contains("no theme `no-such-theme`", missingOutput, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_WithBrokenFrontMatterAndLinks_ReportsFileAndLineAndFails()
    {
        _repo.WriteFiles(new Dictionary<string, string>
        {
            ["a/good.md"] = "---\ntitle: Good\n---\nSee [[Nowhere]] and [gone](missing.md).\n",
            ["a/bad.md"] = "---\ntitle: Bad\norder: [1]\n---\nBody\n",
        });
        CommitAll();

        var (code, output) = RunCheck(_repo.Path);

        Assert.Equal(1, code);
        Assert.Contains("a/bad.md:3: error:", output, StringComparison.Ordinal);
        Assert.Contains("a/good.md:4: warning: broken link to `Nowhere`", output, StringComparison.Ordinal);
        Assert.Contains("a/good.md:4: warning: broken link to `missing.md`", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_ArticleWithAnUnknownTicketCategory_Fails()
    {
        _repo.WriteFiles(new Dictionary<string, string>
        {
            ["ticket-categories.yml"] = "categories:\n  - id: billing\n",
            ["a/linked.md"] = "---\ntitle: Linked\nticket_categories: [billing, biling]\n---\nBody\n",
        });
        CommitAll();

        var (code, output) = RunCheck(_repo.Path);

        Assert.Equal(1, code);
        Assert.True(output.Contains("a/linked.md: error: ticket category `biling` is not in ticket-categories.yml", StringComparison.Ordinal), output);
        Assert.DoesNotContain("`billing` is not", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_MistypedRepositoryPath_FailsWithoutCreatingOne()
    {
        var missing = _data.Combine("typo.git");

        var (code, output) = RunCheck(missing);

        Assert.Equal(2, code);
        Assert.Contains("No git repository at", output, StringComparison.Ordinal);
        Assert.False(Directory.Exists(missing));
    }

    [Fact]
    public void Reindex_ShowsProgressAndLeavesASearchableIndex()
    {
        _repo.WriteFiles(new Dictionary<string, string> { ["a/one.md"] = "# One\n", ["a/two.md"] = "# Two\n" });
        CommitAll();

        var (code, output) = Run("reindex", _repo.Path);

        Assert.True(code == 0, output);
        Assert.Contains("Indexing 2 articles", output, StringComparison.Ordinal);
        Assert.Contains("100%", output, StringComparison.Ordinal);
        Assert.True(File.Exists(_data.Combine("index", "CURRENT")));
        Assert.Contains("Embedding articles for semantic search", output, StringComparison.Ordinal);
        Assert.Contains("2 texts embedded", output, StringComparison.Ordinal);
        Assert.True(File.Exists(_data.Combine("vectors", "vectors.bin")));
    }

    [Fact]
    public void Reindex_Again_ReusesEveryVector()
    {
        _repo.WriteFiles(new Dictionary<string, string> { ["a/one.md"] = "# One\n", ["a/two.md"] = "# Two\n" });
        CommitAll();
        Run("reindex", _repo.Path);

        var (code, output) = Run("reindex", _repo.Path);

        Assert.True(code == 0, output);
        Assert.Contains("0 texts embedded", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Reindex_SemanticOff_RebuildsTheIndexOnly()
    {
        _repo.WriteFiles(new Dictionary<string, string> { ["a/one.md"] = "# One\n" });
        CommitAll();

        var (code, output) = Run("reindex", _repo.Path, "--Search:Semantic:Enabled=false");

        Assert.True(code == 0, output);
        Assert.DoesNotContain("Embedding", output, StringComparison.Ordinal);
        Assert.False(Directory.Exists(_data.Combine("vectors")));
    }

    [Fact]
    public async Task UsersAdd_And_TokensCreate_GiveAccountsTheServerAccepts()
    {
        var (added, addOutput) = RunWithInput("a long enough passphrase", "users", "add", "--email", "ops@example.com", "--name", "Olive Ops", "--role", "admin", "--password-stdin");
        var (invited, inviteOutput) = RunWithInput(null, "users", "add", "--email", "new@example.com", "--name", "Nico New", "--url", "http://kb.example");
        var (badRole, badRoleOutput) = RunWithInput(null, "users", "add", "--email", "x@example.com", "--name", "X", "--role", "owner");
        var (duplicate, duplicateOutput) = RunWithInput(null, "users", "add", "--email", "ops@example.com", "--name", "Again");
        var (tokenCode, tokenOutput) = RunWithInput(null, "tokens", "create", "--email", "ops@example.com", "--scopes", "reports,articles:read", "--name", "ci");
        var (unknownScope, unknownScopeOutput) = RunWithInput(null, "tokens", "create", "--email", "ops@example.com", "--scopes", "everything");
        var (unknownUser, _) = RunWithInput(null, "tokens", "create", "--email", "nobody@example.com", "--scopes", "reports");

        Assert.True(added == 0, addOutput);
        Assert.Contains("Created Admin Olive Ops <ops@example.com>", addOutput, StringComparison.Ordinal);
        Assert.True(invited == 0, inviteOutput);
        var link = inviteOutput.Split('\n').Single(l => l.StartsWith("http://kb.example/studio/set-password?", StringComparison.Ordinal)).Trim();
        Assert.Equal(1, badRole);
        Assert.Contains("--role: Role must be one of Author, Reviewer, Admin", badRoleOutput, StringComparison.Ordinal);
        Assert.Equal(1, duplicate);
        Assert.Contains("already an account", duplicateOutput, StringComparison.Ordinal);
        Assert.True(tokenCode == 0, tokenOutput);
        Assert.Equal(1, unknownScope);
        Assert.Contains("unknown scope everything", unknownScopeOutput, StringComparison.Ordinal);
        Assert.Equal(1, unknownUser);

        // The server over the same data directory accepts the password, the token and the invitation link.
        RepoPaths.Content.CopyTreeTo(_repo.Path);
        CommitAll();
        using var server = new KbServerFactory(RepoPaths.Content, new Dictionary<string, string?> { ["DataDirectory"] = _data.Path, ["Content:Repository"] = _repo.Path });
        var signIn = await StudioSession.Anonymous(server).SubmitAsync("/studio/login", "form.card", new() { ["Input.Email"] = "ops@example.com", ["Input.Password"] = "a long enough passphrase" });
        Assert.Equal(System.Net.HttpStatusCode.Redirect, signIn.StatusCode);

        var api = server.CreateClient();
        api.DefaultRequestHeaders.Authorization = new("Bearer", tokenOutput.Split('\n')[0].Trim());
        Assert.Equal(System.Net.HttpStatusCode.OK, (await api.GetAsync("/api/v1/reports/search")).StatusCode);

        var invitation = await StudioSession.Anonymous(server).SubmitAsync(new Uri(link).PathAndQuery, "form.card", new() { ["Password"] = "nico's own passphrase" });
        Assert.Equal(System.Net.HttpStatusCode.Redirect, invitation.StatusCode);
    }

    [Fact]
    public void CheckRefs_And_RepairRefs_FindAndRemoveBranchesMadeWithGitDirectly_NeverTheDefaultBranch()
    {
        _repo.WriteFiles(new Dictionary<string, string> { ["a/one.md"] = "# One\n" });
        CommitAll();
        string[] bad = ["refs/heads/refs/heads/main", "refs/heads/HEAD", "refs/heads/main@", "refs/heads/Main", "refs/heads/" + new string('b', 40)];
        foreach (var reference in bad.Append("refs/heads/fine/topic"))
        {
            Git.Run(_repo.Path, "update-ref", reference, "HEAD");
        }

        var (checkCode, checkOutput) = Run("check", _repo.Path, "--refs");
        var (declined, declinedOutput) = RunWithInput("n", "repair-refs", $"--Content:Repository={_repo.Path}");
        var afterDecline = Git.Run(_repo.Path, "for-each-ref", "--format=%(refname)");
        var (repaired, repairOutput) = Run("repair-refs", _repo.Path, "--yes");
        var (cleanCode, cleanOutput) = Run("check", _repo.Path, "--refs");

        Assert.Equal(1, checkCode);
        Assert.All(bad, b => Assert.Contains(b + " (", checkOutput, StringComparison.Ordinal));
        Assert.Contains("5 ambiguous refs; remove them with `repair-refs`", checkOutput, StringComparison.Ordinal);
        Assert.DoesNotContain(checkOutput.Split('\n'), l => l.StartsWith("refs/heads/main (", StringComparison.Ordinal));
        Assert.Equal(1, declined);
        Assert.Contains("Remove these 5 refs? [y/N]", declinedOutput, StringComparison.Ordinal);
        Assert.All(bad, b => Assert.Contains(b + "\n", afterDecline, StringComparison.Ordinal));
        Assert.True(repaired == 0, repairOutput);
        Assert.All(bad, b => Assert.Contains($"Removed {b} (was ", repairOutput, StringComparison.Ordinal));
        Assert.Equal(["refs/heads/fine/topic", "refs/heads/main"], Git.Run(_repo.Path, "for-each-ref", "--format=%(refname)").Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.True(cleanCode == 0, cleanOutput);
        Assert.Contains("No ambiguous refs.", cleanOutput, StringComparison.Ordinal);
    }

    private void CommitAll()
    {
        Git.Run(_repo.Path, "init", "-q", "-b", "main");
        Git.Run(_repo.Path, "add", ".");
        Git.Run(_repo.Path, "commit", "-q", "-m", "content");
    }

    private (int Code, string Output) RunCheck(string repository, params string[] extra) => Run("check", repository, extra);

    private (int Code, string Output) Run(string command, string repository, params string[] extra) =>
        RunWithInput(null, [command, .. extra, $"--Content:Repository={repository}"]);

    private (int Code, string Output) RunWithInput(string? input, params string[] args)
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "KbServer.dll");
        var psi = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true, WorkingDirectory = _data.Path };
        foreach (var arg in new[] { dll }.Concat(args).Concat([$"--DataDirectory={_data.Path}"]))
        {
            psi.ArgumentList.Add(arg);
        }

        using var process = Process.Start(psi)!;
        if (input is not null)
        {
            process.StandardInput.WriteLine(input);
        }

        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, stdout.Result + stderr);
    }

    public void Dispose()
    {
        _repo.Dispose();
        _data.Dispose();
    }
}
