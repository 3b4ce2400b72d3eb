using System.Diagnostics;

namespace KbServer.GitHttp;

/// <summary>
/// Git on the repository with every output read up to a limit, so a hostile push cannot make the server buffer without
/// end. Given the object variables the pre-receive hook saw, it sees the repository as the hook does: the pushed
/// objects still in quarantine beside the existing ones, the refs not moved yet.
/// </summary>
internal sealed class BoundedGit(string repositoryPath, IReadOnlyDictionary<string, string> objectEnvironment)
{
    /// <summary>Most bytes one command may print (a listing of a very large tree is far below this).</summary>
    public const int MaxOutputBytes = 64 * 1024 * 1024;

    /// <summary>Runs git with <paramref name="input"/> on stdin.</summary>
    /// <exception cref="PushCheckException">It printed more than <see cref="MaxOutputBytes"/>.</exception>
    public (int Code, byte[] Output) Run(string? input, params string[] args)
    {
        using var process = Start(args);
        var feeding = Task.Run(() =>
        {
            try
            {
                process.StandardInput.Write(input ?? string.Empty);
            }
            catch (IOException)
            {
                // git stopped reading: its exit code and output say why.
            }
            finally
            {
                process.StandardInput.Close();
            }
        });
        using var output = new MemoryStream();
        var buffer = new byte[81920];
        int read;
        while ((read = process.StandardOutput.BaseStream.Read(buffer)) > 0)
        {
            if (output.Length + read > MaxOutputBytes)
            {
                process.Kill();
                throw new PushCheckException($"this push is too large to check (git printed more than {MaxOutputBytes / (1024 * 1024)} MB about it); push it in parts");
            }

            output.Write(buffer, 0, read);
        }

        feeding.Wait();
        process.WaitForExit();
        return (process.ExitCode, output.ToArray());
    }

    /// <summary>Starts git with redirected streams; stderr is drained so git never blocks on it.</summary>
    public Process Start(params string[] args)
    {
        // Found from its folder, bare or not (a configured repository may have a work tree), and never a parent's.
        var psi = new ProcessStartInfo("git") { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = repositoryPath };
        psi.Environment["GIT_CEILING_DIRECTORIES"] = Path.GetDirectoryName(Path.TrimEndingDirectorySeparator(Path.GetFullPath(repositoryPath))) ?? string.Empty;
        foreach (var arg in args)
        {
            psi.ArgumentList.Add(arg);
        }

        psi.Environment["GIT_CONFIG_NOSYSTEM"] = "1";
        psi.Environment["GIT_CONFIG_COUNT"] = "1";
        psi.Environment["GIT_CONFIG_KEY_0"] = "safe.directory";
        psi.Environment["GIT_CONFIG_VALUE_0"] = "*";
        foreach (var (name, value) in objectEnvironment)
        {
            psi.Environment[name] = value;
        }

        var process = Process.Start(psi) ?? throw new InvalidOperationException("git could not be started");
        process.ErrorDataReceived += (_, _) => { };
        process.BeginErrorReadLine();
        return process;
    }
}
