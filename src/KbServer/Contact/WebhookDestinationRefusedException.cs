namespace KbServer.Contact;

/// <summary>
/// The webhook's destination is not allowed (off the allow-list, or a private address). Thrown from the connect
/// callback so the sender can tell a refusal, which retrying cannot fix, from a connection that failed.
/// </summary>
public sealed class WebhookDestinationRefusedException : Exception
{
    public WebhookDestinationRefusedException()
    {
    }

    public WebhookDestinationRefusedException(string message)
        : base(message)
    {
    }

    public WebhookDestinationRefusedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
