namespace KbCore.Search.Semantic;

/// <summary>An article near the question, with the cosine similarity of their vectors.</summary>
internal readonly record struct DenseHit(string Path, float Similarity);
