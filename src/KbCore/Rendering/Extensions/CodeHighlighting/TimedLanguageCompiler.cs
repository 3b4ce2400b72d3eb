using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using ColorCode;
using ColorCode.Compilation;

namespace KbCore.Rendering.Extensions.CodeHighlighting;

/// <summary>
/// ColorCode's compiler, with a match timeout on every language's regex. ColorCode builds its regexes without one, and
/// some of them backtrack badly: 20,000 quote characters in a <c>css</c> block took 11 s of CPU. With the timeout such
/// a block throws <see cref="RegexMatchTimeoutException"/> and is shown without colours. Thread-safe: compiled
/// languages are immutable and shared.
/// </summary>
internal sealed class TimedLanguageCompiler(TimeSpan matchTimeout) : ILanguageCompiler
{
    private static readonly ReaderWriterLockSlim InnerLock = new();

    private readonly LanguageCompiler _inner = new(new Dictionary<string, CompiledLanguage>(StringComparer.Ordinal), InnerLock);
    private readonly ConcurrentDictionary<string, CompiledLanguage> _compiled = new(StringComparer.Ordinal);

    public CompiledLanguage Compile(ILanguage language)
    {
        ArgumentNullException.ThrowIfNull(language);
        return _compiled.GetOrAdd(language.Id, _ =>
        {
            var plain = _inner.Compile(language);
            var timed = new Regex(plain.Regex.ToString(), plain.Regex.Options, matchTimeout);
            return new CompiledLanguage(plain.Id, plain.Name, timed, plain.Captures);
        });
    }
}
