using System.Security.Cryptography;

namespace KbServer.Auth;

/// <summary>
/// The one-time setup link for the first admin. It exists only while there are no accounts, lives in memory
/// (a restart prints a new one), and is spent when the first admin is created.
/// </summary>
public sealed class FirstRunSetup
{
    private readonly Lock _gate = new();
    private string? _token;

    public string Open()
    {
        lock (_gate)
        {
            return _token ??= Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24));
        }
    }

    /// <summary>The link's token while it is open, without opening one.</summary>
    public string? Pending
    {
        get
        {
            lock (_gate)
            {
                return _token;
            }
        }
    }

    public bool IsOpen
    {
        get
        {
            lock (_gate)
            {
                return _token is not null;
            }
        }
    }

    public bool Matches(string? token)
    {
        lock (_gate)
        {
            return _token is not null && token is not null &&
                CryptographicOperations.FixedTimeEquals(System.Text.Encoding.UTF8.GetBytes(_token), System.Text.Encoding.UTF8.GetBytes(token));
        }
    }

    /// <summary>Spends the link; only the first caller with the right token wins.</summary>
    public bool TryClose(string? token)
    {
        lock (_gate)
        {
            if (!Matches(token))
            {
                return false;
            }

            _token = null;
            return true;
        }
    }

    /// <summary>Puts a spent link back when creating the admin failed (a bad password), so the form can be retried.</summary>
    public void Reopen(string token)
    {
        lock (_gate)
        {
            _token ??= token;
        }
    }
}
