namespace KbCore.Search.Semantic;

/// <summary>A Lucene document in the fused order, with its fused score and what found it.</summary>
internal readonly record struct FusedHit(int Doc, float Score, HitMatch Match);
