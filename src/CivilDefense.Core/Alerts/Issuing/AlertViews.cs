using CivilDefense.Core.Alerts.Cap;

namespace CivilDefense.Core.Alerts.Issuing;

/// <summary>A PTDS message as the API returns it.</summary>
public sealed record AlertView(
    int Id,
    int UnitId,
    string? Identifier,
    string Sender,
    string? Sent,
    CapStatus Status,
    CapMessageType MessageType,
    CapScope Scope,
    PtdsHazard? Hazard,
    int RiskLevel,
    AlertState State,
    AlertAreaSet Areas,
    IReadOnlyDictionary<string, AlertText> Texts,
    string? References,
    int? ReplacesId,
    int? RelayedFromId,
    string CreatedBy,
    string? IssuedBy,
    int Version)
{
    public static AlertView Of(IssuedAlert a) => new(
        a.Id, a.UnitId, a.Identifier, a.Sender, a.SentText, a.Status, a.MessageType, a.Scope, a.Hazard, a.RiskLevel, a.State,
        a.Areas, a.Texts.ByLanguage, a.References, a.ReplacesId, a.RelayedFromId, a.CreatedBy, a.IssuedBy, a.Version);
}

/// <summary>The CAP a draft would publish now, and what the validator says of it.</summary>
public sealed record AlertPreview(string? Xml, IReadOnlyList<string> Missing, IReadOnlyList<CapFinding> Findings)
{
    public bool CanIssue => Missing.Count == 0 && !CapValidator.HasErrors(Findings);
}
