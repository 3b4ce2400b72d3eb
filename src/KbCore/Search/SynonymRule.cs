namespace KbCore.Search;

/// <summary>
/// One line of <c>synonyms.yml</c>. Searching any of <see cref="From"/> also finds <see cref="To"/>; an equivalence
/// ("a, b, c") has every term on both sides, a one-way rule ("a, b =&gt; c") finds c for a or b but not the reverse.
/// </summary>
/// <param name="From">The terms as written, each one or more words.</param>
/// <param name="To">What they also find, as written.</param>
/// <param name="Line">The rule's line in the file.</param>
/// <param name="OneWay">Written with <c>=&gt;</c>; otherwise an equivalence, <paramref name="To"/> the same terms.</param>
public sealed record SynonymRule(IReadOnlyList<string> From, IReadOnlyList<string> To, int Line, bool OneWay);
