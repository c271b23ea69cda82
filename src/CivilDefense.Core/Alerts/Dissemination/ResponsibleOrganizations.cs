namespace CivilDefense.Core.Alerts.Dissemination;

/// <summary>A duty contact (đầu mối trực) as the choice below needs it.</summary>
public sealed record DutyContactPlace(int SubscriberId, int OrganizationId, int? ContactOrder, string UnitPath);

/// <summary>
/// Which organisations answer for an alert's area (pure): every organisation whose unit is the
/// area's commune or a unit above it — the province's military command, police, departments and
/// hospitals for a flood in one commune, the commune's own People's Committee. Their duty contacts
/// have no home location, so the area alone would never reach the provincial ones. Only the first
/// contact in each organisation's escalation order is chosen: the next ones hear of the alert
/// through escalation when the first does not acknowledge in time.
/// </summary>
public static class ResponsibleOrganizations
{
    /// <param name="areaUnitPaths">Materialised paths of the communes the alert covers.</param>
    /// <param name="targeted">Subscribers already reached by the area: an organisation with one of them needs no other.</param>
    public static IReadOnlyList<int> FirstContacts(IEnumerable<DutyContactPlace> contacts, IReadOnlyCollection<string> areaUnitPaths, IReadOnlySet<int> targeted)
    {
        var chosen = new List<int>();
        foreach (var organization in contacts.GroupBy(c => c.OrganizationId))
        {
            if (organization.Any(c => targeted.Contains(c.SubscriberId)))
            {
                continue;
            }

            var first = organization.OrderBy(c => c.ContactOrder ?? int.MaxValue).ThenBy(c => c.SubscriberId).First();
            if (areaUnitPaths.Any(area => area.StartsWith(first.UnitPath, StringComparison.Ordinal)))
            {
                chosen.Add(first.SubscriberId);
            }
        }

        return chosen;
    }
}
