namespace CivilDefense.Core.Geography.Import;

/// <summary>
/// One problem found in an import file. <see cref="Line"/> is the 1-based line of a CSV file, or
/// the 1-based record/feature number of a JSON file (JSON readers do not expose line numbers of
/// values, but a broken JSON document reports the line the reader stopped at).
/// </summary>
public sealed record ImportError(int Line, string Field, string Message, string Locator = "line")
{
    public override string ToString() => $"{Locator} {Line}, field {Field}: {Message}";
}

/// <summary>Either all rows of a file or all errors found in it: an import applies nothing when any row is wrong.</summary>
public sealed record ParseResult<T>
{
    private ParseResult(IReadOnlyList<T> rows, IReadOnlyList<ImportError> errors)
    {
        Rows = rows;
        Errors = errors;
    }

    public IReadOnlyList<T> Rows { get; }

    public IReadOnlyList<ImportError> Errors { get; }

    public bool IsSuccess => Errors.Count == 0;

    public static ParseResult<T> From(IReadOnlyList<T> rows, IReadOnlyList<ImportError> errors) =>
        errors.Count == 0 ? new ParseResult<T>(rows, []) : new ParseResult<T>([], errors);

    public static ParseResult<T> Failed(ImportError error) => new([], [error]);
}
