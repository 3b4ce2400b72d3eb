using Microsoft.Extensions.Logging;

namespace KbServer.Tests.Infrastructure;

/// <summary>One entry <see cref="CapturedLogs"/> received, as it rendered it.</summary>
/// <param name="Fields">The entry's structured fields as a JSON console would print them ("name=value", one a line), unescaped.</param>
public sealed record CapturedLogEntry(string Category, EventId EventId, string Rendered, string Fields);
