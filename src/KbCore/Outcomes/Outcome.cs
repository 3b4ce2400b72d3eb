using System.Diagnostics.CodeAnalysis;

namespace KbCore.Outcomes;

/// <summary>
/// A value, or the <see cref="Refusal"/> that stopped it; never both. Actions without a value return
/// <c>Refusal?</c> (null when done) instead. A class, so that no default instance claims success without a value.
/// </summary>
public sealed class Outcome<T>
    where T : notnull
{
    public Outcome(T value) => Value = value ?? throw new ArgumentNullException(nameof(value));

    public Outcome(Refusal refusal) => Refusal = refusal ?? throw new ArgumentNullException(nameof(refusal));

    public T? Value { get; }

    public Refusal? Refusal { get; }

    [MemberNotNullWhen(true, nameof(Value))]
    [MemberNotNullWhen(false, nameof(Refusal))]
    public bool Succeeded => Refusal is null;

    public static implicit operator Outcome<T>(T value) => new(value);

    public static implicit operator Outcome<T>(Refusal refusal) => new(refusal);

    public void Deconstruct(out T? value, out Refusal? refusal) => (value, refusal) = (Value, Refusal);
}
