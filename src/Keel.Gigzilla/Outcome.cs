namespace Keel.Gigzilla;

/// <summary>An expected failure of a use case, worded for the user: "invoice INV-2026-001 is already paid".</summary>
internal sealed record Failure(string Message);

/// <summary>The result of a use case: a value, or a <see cref="Failure"/> the caller shows as one line.</summary>
internal readonly record struct Outcome<T>
{
    private Outcome(T? value, Failure? failure)
    {
        Value = value;
        Failure = failure;
    }

    public T? Value { get; }

    public Failure? Failure { get; }

    public bool Succeeded => Failure is null;

    public static implicit operator Outcome<T>(T value) => new(value, null);

    public static implicit operator Outcome<T>(Failure failure) => new(default, failure);
}
