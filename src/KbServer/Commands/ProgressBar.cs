namespace KbServer.Commands;

/// <summary>
/// Percent progress for commands: a bar redrawn in place on a terminal, a line every 10 % when the
/// output is a file or a pipe (CI logs stay readable).
/// </summary>
internal sealed class ProgressBar(TextWriter output, bool interactive) : IProgress<int>
{
    private const int Width = 30;
    private readonly Lock _lock = new();
    private int _last = -1;

    public void Report(int value)
    {
        lock (_lock)
        {
            if (value <= _last)
            {
                return;
            }

            if (interactive)
            {
                var filled = value * Width / 100;
                output.Write($"\r[{new string('#', filled)}{new string(' ', Width - filled)}] {value,3}%");
            }
            else if (value / 10 > _last / 10 || _last < 0)
            {
                output.WriteLine($"{value}%");
            }

            _last = value;
        }
    }

    public void Finish()
    {
        if (interactive)
        {
            output.WriteLine();
        }
    }
}
