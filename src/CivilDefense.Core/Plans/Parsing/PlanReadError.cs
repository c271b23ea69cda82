using CivilDefense.Core.Common;

namespace CivilDefense.Core.Plans.Parsing;

public enum PlanReadFailure
{
    Empty,
    TooLarge,
    UnsupportedType,
    NotText,
    CorruptDocument,
    UnsafeDocument,
    NotAPlan,
}

/// <summary>A plan document refused: nothing is imported. The web layer shows it as 422 with the message.</summary>
public sealed record PlanReadError(PlanReadFailure Failure, string Message) : Error(Message);

/// <summary>Limits on what the reader accepts; the defaults suit plans of a few hundred pages.</summary>
public sealed record PlanReadLimits
{
    public static PlanReadLimits Default { get; } = new();

    /// <summary>The file as uploaded.</summary>
    public long MaxFileBytes { get; init; } = 10 * 1024 * 1024;

    /// <summary>All entries of a DOCX, decompressed.</summary>
    public long MaxUncompressedBytes { get; init; } = 50 * 1024 * 1024;

    public int MaxZipEntries { get; init; } = 1000;

    /// <summary>Uncompressed to compressed size of one entry; text XML compresses 10-20×, bombs 1000×.</summary>
    public double MaxCompressionRatio { get; init; } = 200;

    public int MaxParagraphs { get; init; } = 100_000;
}
