namespace KbServer.Tests.Infrastructure;

/// <summary>Folders of the checkout the tests run from (the sample content and the shipped themes).</summary>
public static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    public static string Content => Path.Combine(Root, "content");

    public static string Themes => Path.Combine(Root, "themes");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "KnowledgeBase.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("KnowledgeBase.sln not found above " + AppContext.BaseDirectory);
    }
}
