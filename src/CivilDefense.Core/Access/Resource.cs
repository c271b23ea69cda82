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
    /// <summary>Readiness norms and units' hazard profiles: set by the province.</summary>
    ReadinessNorms,
}
