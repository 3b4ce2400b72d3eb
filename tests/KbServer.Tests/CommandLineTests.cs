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
    }

    private void CommitAll()
    {
        Git.Run(_repo.Path, "init", "-q", "-b", "main");
        Git.Run(_repo.Path, "add", ".");
        Git.Run(_repo.Path, "commit", "-q", "-m", "content");
    }

    private (int Code, string Output) RunCheck(string repository, params string[] extra) => Run("check", repository, extra);

    private (int Code, string Output) Run(string command, string repository, params string[] extra)
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "KbServer.dll");
        var psi = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = _data.Path };
        foreach (var arg in new[] { dll, command }.Concat(extra).Concat([$"--DataDirectory={_data.Path}", $"--Content:Repository={repository}"]))
        {
            psi.ArgumentList.Add(arg);
        }

        using var process = Process.Start(psi)!;
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
