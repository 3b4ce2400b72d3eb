namespace KbServer.Tests.Contact;

/// <summary>One request as the <see cref="WebhookReceiver"/> saw it.</summary>
public sealed record ReceivedRequest(string Method, string Path, IReadOnlyDictionary<string, string> Headers, byte[] Body);
