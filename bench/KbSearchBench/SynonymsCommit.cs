using LibGit2Sharp;

namespace KbSearchBench;

/// <summary>
/// A bare copy of the corpus repository with one more commit on main that adds a synonyms file, as a team would push
/// it: the benchmark then measures the same index with and without the team's synonyms in one run.
/// </summary>
internal static class SynonymsCommit
{
    public static string Create(string sourceRepository, string synonymsFile, string destination)
    {
        Repository.Clone(sourceRepository, destination, new CloneOptions { IsBare = true });
        using var repo = new Repository(destination);
        var main = repo.Branches["main"] ?? throw new InvalidOperationException("the corpus repository has no main branch");
        var blob = repo.ObjectDatabase.CreateBlob(new MemoryStream(File.ReadAllBytes(synonymsFile)));
        var tree = repo.ObjectDatabase.CreateTree(TreeDefinition.From(main.Tip.Tree).Add(KbCore.Search.SynonymSet.FileName, blob, Mode.NonExecutableFile));
        var who = new Signature("bench", "bench@localhost", DateTimeOffset.UtcNow);
        var commit = repo.ObjectDatabase.CreateCommit(who, who, "Add the team's search synonyms", tree, [main.Tip], prettifyMessage: true);
        repo.Refs.UpdateTarget(main.Reference, commit.Id, "bench: synonyms");
        return destination;
    }
}
