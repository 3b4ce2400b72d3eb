namespace KbServer.Tests.Operations;

/// <summary>
/// Tests that read our meter's values. A meter listener hears every meter of its name in the process, whichever
/// host created it: searches and saves of test servers running in parallel would show up in these counts. So these
/// run alone, after the parallel ones. (A real node is one host per process.)
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ProcessWideMeters
{
    public const string Name = "Process-wide meters";
}
