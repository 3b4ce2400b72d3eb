using System.Diagnostics;

namespace KbServer.Tests.Infrastructure;

/// <summary>The git CLI, as a person would use it from a shell (clone, commit, push).</summary>
public static class Git
{
    public static string Run(string workingDirectory, params string[] args)
    {
        var (code, stdout, stderr) = Exec(workingDirectory, args);
        if (code != 0)
        {
            throw new InvalidOperationException($"git {string.Join(' ', args)} failed ({code}): {stderr}");
        }

        return stdout;
    }

    /// <summary>Runs git and returns its exit code and everything it printed, for commands expected to fail.</summary>
    public static (int Code, string Output) TryRun(string workingDirectory, params string[] args)
    {
        var (code, stdout, stderr) = Exec(workingDirectory, args);
        return (code, stdout + stderr);
    }

    private static (int Code, string Stdout, string Stderr) Exec(string workingDirectory, string[] args)
    {
        var psi = new ProcessStartInfo("git") { WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args)
        {
            psi.ArgumentList.Add(arg);
        }

        psi.Environment["GIT_AUTHOR_NAME"] = "Dana Author";
        psi.Environment["GIT_AUTHOR_EMAIL"] = "dana@example.test";
        psi.Environment["GIT_COMMITTER_NAME"] = "Dana Author";
        psi.Environment["GIT_COMMITTER_EMAIL"] = "dana@example.test";
        psi.Environment["GIT_TERMINAL_PROMPT"] = "0";
        psi.Environment["GIT_CONFIG_NOSYSTEM"] = "1";
        psi.Environment["HOME"] = workingDirectory;
        using var process = Process.Start(psi)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, stdout.Result, stderr);
    }
}
