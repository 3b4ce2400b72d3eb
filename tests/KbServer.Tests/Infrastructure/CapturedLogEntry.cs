using Microsoft.Extensions.Logging;

namespace KbServer.Tests.Infrastructure;

/// <summary>One entry <see cref="CapturedLogs"/> received, as it rendered it.</summary>
public sealed record CapturedLogEntry(string Category, EventId EventId, string Rendered);
