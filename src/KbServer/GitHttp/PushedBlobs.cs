using System.Globalization;
using System.Text;

namespace KbServer.GitHttp;

/// <summary>
/// Reads the blobs a push brings, through one <c>git cat-file --batch</c>: sizes first (a push whose files add up to
/// more than <see cref="MaxTotalBytes"/> is refused unread), then each blob's first <see cref="MaxBlobBytes"/>.
/// </summary>
internal static class PushedBlobs
{
    /// <summary>How much of one blob is looked at: above every size limit for pushed files, so a prefix judges the same.</summary>
    public const int MaxBlobBytes = 8 * 1024 * 1024;

    /// <summary>Most bytes of files one push may bring.</summary>
    public const long MaxTotalBytes = 256L * 1024 * 1024;

    /// <summary>Calls <paramref name="visit"/> with each blob's id and its first bytes.</summary>
    /// <exception cref="PushCheckException">The blobs add up to more than <see cref="MaxTotalBytes"/>.</exception>
    public static void ForEach(BoundedGit git, IReadOnlyCollection<string> blobIds, Action<string, ReadOnlyMemory<byte>> visit)
    {
        if (blobIds.Count == 0)
        {
            return;
        }

        var list = string.Join('\n', blobIds) + "\n";
        var (_, sizes) = git.Run(list, "cat-file", "--batch-check=%(objectsize)");
        var total = Encoding.ASCII.GetString(sizes).Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Sum(s => long.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out var size) ? size : 0);
        if (total > MaxTotalBytes)
        {
            throw new PushCheckException($"the files in this push add up to more than {MaxTotalBytes / (1024 * 1024)} MB; push them in parts");
        }

        using var process = git.Start("cat-file", "--batch");
        var feeding = Task.Run(() =>
        {
            try
            {
                process.StandardInput.Write(list);
            }
            catch (IOException)
            {
                // git stopped: the reading below ends with it.
            }
            finally
            {
                process.StandardInput.Close();
            }
        });
        var output = process.StandardOutput.BaseStream;
        var buffer = new byte[MaxBlobBytes];
        var skip = new byte[81920];
        foreach (var id in blobIds)
        {
            // "<id> blob <size>\n", the bytes, "\n"; or "<id> missing\n".
            var header = ReadLine(output).Split(' ');
            if (header.Length != 3 || !long.TryParse(header[2], NumberStyles.None, CultureInfo.InvariantCulture, out var size))
            {
                continue;
            }

            var kept = (int)Math.Min(size, MaxBlobBytes);
            output.ReadExactly(buffer, 0, kept);
            for (var rest = size - kept; rest > 0; rest -= skip.Length)
            {
                output.ReadExactly(skip, 0, (int)Math.Min(rest, skip.Length));
            }

            output.ReadExactly(skip, 0, 1);
            visit(id, buffer.AsMemory(0, kept));
        }

        feeding.Wait();
        process.WaitForExit();
    }

    private static string ReadLine(Stream stream)
    {
        var line = new List<byte>();
        for (var b = stream.ReadByte(); b is not -1 and not '\n'; b = stream.ReadByte())
        {
            line.Add((byte)b);
        }

        return Encoding.ASCII.GetString([.. line]);
    }
}
