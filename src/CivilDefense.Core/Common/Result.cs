namespace CivilDefense.Core.Common;

/// <summary>An expected failure of a use case: the web layer maps each kind to a status code.</summary>
public abstract record Error(string Message)
{
    public IReadOnlyDictionary<string, string[]>? FieldErrors { get; init; }
}

/// <summary>The thing does not exist, or exists outside the caller's scope (we do not tell which).</summary>
public sealed record NotFoundError(string Message = "Not found.") : Error(Message);

/// <summary>The caller may see the thing but may not do this to it.</summary>
public sealed record ForbiddenError(string Message = "You may not do this.") : Error(Message);

/// <summary>The input breaks a rule that needs data to check (a duplicate code, an unknown parent).</summary>
public sealed record ValidationError(string Message) : Error(Message)
{
    public static ValidationError ForField(string field, string message) =>
        new(message) { FieldErrors = new Dictionary<string, string[]> { [field] = [message] } };
}

/// <summary>The client's copy is stale (its version no longer matches).</summary>
public sealed record ConflictError(string Message = "The record was changed by someone else; reload and try again.") : Error(Message);

/// <summary>Either a value or a typed error, so handlers say "no" without throwing.</summary>
public readonly struct Result<T>
{
    private Result(T? value, Error? error)
    {
        Value = value;
        Error = error;
    }

    public T? Value { get; }

    public Error? Error { get; }

    public bool IsSuccess => Error is null;

    public static implicit operator Result<T>(T value) => new(value, null);

    public static implicit operator Result<T>(Error error) => new(default, error);
}
