using System.Diagnostics;

namespace KbCore.Telemetry;

/// <summary>
/// The one name our own meter and activity source go by (docs/operations.md): an exporter that listens to
/// <see cref="Name"/> gets every KnowledgeBase metric and span. Without a listener both cost next to nothing.
/// </summary>
public static class KbTelemetry
{
    public const string Name = "KnowledgeBase";

    /// <summary>Spans for searches and saves, children of the ASP.NET Core request span when tracing is on.</summary>
    public static ActivitySource Source { get; } = new(Name);
}
