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
    /// <summary>The readiness registry: forces, equipment, supplies, logistics points, shelters, stock counts.</summary>
    Readiness,
    /// <summary>The national equipment catalogue (belongs to the root unit).</summary>
    ReadinessCatalogue,
    /// <summary>Readiness norms and units' hazard profiles: set by the province.</summary>
    ReadinessNorms,
    /// <summary>Monitoring stations, their alarm levels, observations and the review of draft warnings.</summary>
    Monitoring,
    /// <summary>Disaster risk-level rules: set by the province.</summary>
    RiskRules,
    /// <summary>Alert subscribers: residents and organisations' duty contacts (issue 5).</summary>
    Subscribers,
    /// <summary>Alerts the province issues (CAP): written by its commanders and officers, read in its subtree.</summary>
    Alerts,
    /// <summary>Neighbour feeds and the alerts received from them: set by the province's administrators and commanders.</summary>
    AlertFeeds,
}
