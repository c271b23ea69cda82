namespace CivilDefense.Core.Access;

/// <summary>Kinds of record that permissions are granted on.</summary>
public enum Resource
{
    Territory,
    Organizations,
    CommandBoards,
    Users,
    ApiTokens,
    Audit,
    /// <summary>Plans, their tasks, assignments and progress reports.</summary>
    Plans,
}
