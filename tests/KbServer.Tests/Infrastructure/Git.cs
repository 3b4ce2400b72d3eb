using System.Diagnostics;

namespace KbServer.Tests.Infrastructure;

/// <summary>The git CLI, as a person would use it from a shell (clone, commit, push).</summary>
public static class Git
{
    public static string Run(string workingDirectory, params string[] args)
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
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"git {string.Join(' ', args)} failed ({process.ExitCode}): {stderr}");
        }

        return stdout.Result;
    }
}
