using System.Text;

namespace KbServer.Tests.Infrastructure;

/// <summary>A console for one server (<c>ServerConsole</c>): keeps what it is told, and lets a test wait for it.</summary>
public sealed class CapturedConsole : TextWriter
{
    private readonly StringBuilder _text = new();

    public override Encoding Encoding => Encoding.UTF8;

    public string Text
    {
        get
        {
            lock (_text)
            {
                return _text.ToString();
            }
        }
    }

    public override void Write(char value)
    {
        lock (_text)
        {
            _text.Append(value);
        }
    }

    public override void Write(string? value)
    {
        lock (_text)
        {
            _text.Append(value);
        }
    }

    /// <summary>The text once it holds <paramref name="expected"/>, or whatever it holds after the timeout.</summary>
    public async Task<string> WaitForAsync(string expected, TimeSpan timeout)
    {
        var until = DateTime.UtcNow + timeout;
        while (!Text.Contains(expected, StringComparison.Ordinal) && DateTime.UtcNow < until)
        {
            await Task.Delay(20);
        }

        return Text;
    }
}
