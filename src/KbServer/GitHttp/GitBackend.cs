using System.Diagnostics;
using System.Globalization;

namespace KbServer.GitHttp;

/// <summary>
/// Runs <c>git http-backend</c> (CGI) for one smart-HTTP request: environment in, the request body to stdin while
/// stdout is copied back (never one after the other: large packs would deadlock), CGI headers mapped to the response.
/// </summary>
internal static class GitBackend
{
    /// <param name="body">The request body to hand to git (already decompressed when <paramref name="bodyPrefix"/> was read from it).</param>
    /// <param name="bodyPrefix">Bytes already read from the body (a push's command list), replayed first.</param>
    /// <param name="environment">Extra variables for git and its hooks.</param>
    /// <param name="beforeEnd">
    /// Runs once git has finished, before the response's closing flush packet; the lines it returns go to the client
    /// as progress messages (git prints them as <c>remote: …</c>). For a push: what the server did with it.
    /// </param>
    public static async Task RunAsync(
        HttpContext context, string repositoryPath, string rest, string? user, Stream body, byte[]? bodyPrefix, IReadOnlyDictionary<string, string> config, ILogger logger,
        IReadOnlyDictionary<string, string>? environment = null, Func<Task<IReadOnlyList<string>>>? beforeEnd = null)
    {
        var psi = new ProcessStartInfo("git", "http-backend")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        var env = psi.Environment;
        env["GIT_PROJECT_ROOT"] = Path.GetDirectoryName(repositoryPath) ?? "/";
        env["GIT_HTTP_EXPORT_ALL"] = "1";
        env["PATH_INFO"] = "/" + Path.GetFileName(repositoryPath) + "/" + rest;
        env["REQUEST_METHOD"] = context.Request.Method;
        env["QUERY_STRING"] = context.Request.QueryString.Value?.TrimStart('?') ?? string.Empty;
        env["CONTENT_TYPE"] = context.Request.ContentType ?? string.Empty;
        if (context.Request.ContentLength is long length && bodyPrefix is null)
        {
            env["CONTENT_LENGTH"] = length.ToString(CultureInfo.InvariantCulture);
        }

        if (user is not null)
        {
            env["REMOTE_USER"] = user;
        }

        if (bodyPrefix is null)
        {
            env["HTTP_CONTENT_ENCODING"] = context.Request.Headers.ContentEncoding.ToString();
        }

        env["GIT_PROTOCOL"] = context.Request.Headers["Git-Protocol"].ToString();
        env["GIT_CONFIG_NOSYSTEM"] = "1";
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            env[name] = value;
        }

        var settings = new Dictionary<string, string>(config) { ["safe.directory"] = "*" };
        env["GIT_CONFIG_COUNT"] = settings.Count.ToString(CultureInfo.InvariantCulture);
        var i = 0;
        foreach (var (key, value) in settings)
        {
            env[$"GIT_CONFIG_KEY_{i}"] = key;
            env[$"GIT_CONFIG_VALUE_{i}"] = value;
            i++;
        }

        using var process = Process.Start(psi) ?? throw new InvalidOperationException("git http-backend could not be started");
        var errors = process.StandardError.ReadToEndAsync(context.RequestAborted);
        var input = Task.Run(async () =>
        {
            try
            {
                if (bodyPrefix is not null)
                {
                    await process.StandardInput.BaseStream.WriteAsync(bodyPrefix, context.RequestAborted).ConfigureAwait(false);
                }

                await body.CopyToAsync(process.StandardInput.BaseStream, context.RequestAborted).ConfigureAwait(false);
            }
            catch (IOException)
            {
                // git stopped reading (it refused the request); its answer says why.
            }
            finally
            {
                process.StandardInput.Close();
            }
        });

        var output = process.StandardOutput.BaseStream;
        await WriteCgiHeadersAsync(output, context.Response).ConfigureAwait(false);
        var holding = beforeEnd is not null && context.Response.StatusCode == StatusCodes.Status200OK;
        var held = holding
            ? await PktLine.CopyHoldingFlushAsync(output, context.Response.Body, context.RequestAborted).ConfigureAwait(false)
            : await CopyAsync(output, context.Response.Body, context.RequestAborted).ConfigureAwait(false);
        await input.ConfigureAwait(false);
        await process.WaitForExitAsync(context.RequestAborted).ConfigureAwait(false);
        var stderr = await errors.ConfigureAwait(false);
        if (stderr.Length > 0)
        {
            logger.LogInformation("git http-backend: {Errors}", stderr.Trim());
        }

        if (beforeEnd is null)
        {
            return;
        }

        var progress = await beforeEnd().ConfigureAwait(false);
        if (held)
        {
            foreach (var line in progress)
            {
                await context.Response.Body.WriteAsync(PktLine.Progress(line), context.RequestAborted).ConfigureAwait(false);
            }

            await context.Response.Body.WriteAsync(PktLine.Flush, context.RequestAborted).ConfigureAwait(false);
        }
    }

    private static async Task<bool> CopyAsync(Stream from, Stream to, CancellationToken cancellationToken)
    {
        await from.CopyToAsync(to, cancellationToken).ConfigureAwait(false);
        return false;
    }

    /// <summary>Reads "Name: value" lines up to the blank line; <c>Status:</c> becomes the status code.</summary>
    private static async Task WriteCgiHeadersAsync(Stream output, HttpResponse response)
    {
        var line = new List<byte>();
        var one = new byte[1];
        while (await output.ReadAsync(one).ConfigureAwait(false) == 1)
        {
            if (one[0] != '\n')
            {
                line.Add(one[0]);
                continue;
            }

            var text = System.Text.Encoding.ASCII.GetString([.. line]).TrimEnd('\r');
            line.Clear();
            if (text.Length == 0)
            {
                return;
            }

            var colon = text.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0)
            {
                continue;
            }

            var name = text[..colon].Trim();
            var value = text[(colon + 1)..].Trim();
            if (name.Equals("Status", StringComparison.OrdinalIgnoreCase))
            {
                response.StatusCode = int.Parse(value.Split(' ')[0], CultureInfo.InvariantCulture);
            }
            else
            {
                response.Headers[name] = value;
            }
        }
    }
}
