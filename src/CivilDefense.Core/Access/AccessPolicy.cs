namespace CivilDefense.Core.Access;

/// <summary>
/// The one place that says who may read and write what. Scope (the unit subtree) is checked by
/// <see cref="Actor.Covers"/>; this table adds what each role may do inside it. The DbContext
/// enforces it on every save and filters every query, and handlers ask it first to answer
/// with the right status code.
/// </summary>
public static class AccessPolicy
{
    private static readonly Dictionary<Role, Resource[]> Writes = new()
    {
        [Role.Administrator] = [Resource.Territory, Resource.Organizations, Resource.CommandBoards, Resource.Users, Resource.ApiTokens, Resource.Readiness, Resource.ReadinessCatalogue, Resource.ReadinessNorms, Resource.Plans, Resource.Monitoring, Resource.RiskRules, Resource.Subscribers, Resource.Alerts, Resource.AlertFeeds],
        [Role.Commander] = [Resource.Territory, Resource.Organizations, Resource.CommandBoards, Resource.Readiness, Resource.ReadinessNorms, Resource.Plans, Resource.Monitoring, Resource.RiskRules, Resource.Subscribers, Resource.Alerts, Resource.AlertFeeds],
        [Role.Officer] = [Resource.Organizations, Resource.CommandBoards, Resource.Readiness, Resource.Plans, Resource.Monitoring, Resource.Subscribers, Resource.Alerts],
        // A liaison writes the records of its own organisation only (checked below): its details,
        // its readiness records, and the progress reports on its assignments.
        [Role.AgencyLiaison] = [Resource.Organizations, Resource.Readiness, Resource.Plans, Resource.Subscribers],
        [Role.Viewer] = [],
    };

    private static readonly Dictionary<Role, Resource[]> ExtraReads = new()
    {
        [Role.Administrator] = [Resource.Users, Resource.ApiTokens, Resource.Audit],
        [Role.Commander] = [Resource.Audit],
    };

    /// <summary>Resources everyone in scope may read; users, tokens and audit need a grant.</summary>
    private static readonly Resource[] CommonReads = [Resource.Territory, Resource.Organizations, Resource.CommandBoards, Resource.Readiness, Resource.ReadinessCatalogue, Resource.ReadinessNorms, Resource.Plans, Resource.Monitoring, Resource.RiskRules, Resource.Subscribers, Resource.Alerts, Resource.AlertFeeds];

    public static bool CanRead(Actor actor, Resource resource) =>
        actor.IsUnrestricted
        || CommonReads.Contains(resource)
        || (ExtraReads.TryGetValue(actor.Role, out var extra) && extra.Contains(resource));

    public static bool CanWriteAny(Actor actor, Resource resource) =>
        actor.IsUnrestricted || Writes[actor.Role].Contains(resource);

    /// <summary>
    /// Whether the actor may create, change or delete a record of <paramref name="resource"/>
    /// that belongs to the unit at <paramref name="unitPath"/> (and, for organisation records,
    /// to <paramref name="organizationId"/>).
    /// </summary>
    public static bool CanWrite(Actor actor, Resource resource, string unitPath, int? organizationId = null)
    {
        if (actor.IsUnrestricted)
        {
            return true;
        }

        if (!CanWriteAny(actor, resource) || !actor.Covers(unitPath))
        {
            return false;
        }

        return actor.Role != Role.AgencyLiaison
            || (organizationId is not null && organizationId == actor.OrganizationId);
    }

    /// <summary>An administrator may only hand out roles no broader than their own scope.</summary>
    public static bool CanGrant(Actor actor, string targetUnitPath) =>
        actor.IsUnrestricted || (actor.Role == Role.Administrator && actor.Covers(targetUnitPath));
}
