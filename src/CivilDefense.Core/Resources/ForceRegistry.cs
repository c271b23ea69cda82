using System.ComponentModel.DataAnnotations;
using System.Linq.Expressions;
using CivilDefense.Core.Common;
using CivilDefense.Core.Data;
using CivilDefense.Core.Organizations;
using CivilDefense.Core.Resources.Registry;
using Microsoft.EntityFrameworkCore;
using static CivilDefense.Core.Resources.Registry.RegistryFormat;

namespace CivilDefense.Core.Resources;

/// <summary>A force as a form, request or file row gives it; skill counts are certified members.</summary>
public sealed record ForceInput(
    [property: Required] int UnitId,
    int? OwnerOrganizationId,
    [property: Required] ForceKind Kind,
    [property: Required, StringLength(250, MinimumLength = 1)] string Name,
    [property: Range(0, 1_000_000)] int Headcount,
    ForceReadiness Readiness,
    [property: StringLength(200)] string? ContactName,
    [property: RegularExpression(ContactFormats.Phone)] string? ContactPhone,
    [property: StringLength(1000)] string? Note,
    [property: Range(0, 1_000_000)] int Swimming = 0,
    [property: Range(0, 1_000_000)] int FirstAid = 0,
    [property: Range(0, 1_000_000)] int BoatHandling = 0,
    [property: Range(0, 1_000_000)] int ChemicalResponse = 0,
    [property: Range(0, 1_000_000)] int SearchAndRescue = 0,
    int Version = 0) : IRegistryInput;

public sealed record ForceView(
    int Id, int UnitId, string UnitCode, string UnitName, int? OwnerOrganizationId, ForceKind Kind, string Name, int Headcount,
    ForceReadiness Readiness, string? ContactName, string? ContactPhone, string? Note,
    int Swimming, int FirstAid, int BoatHandling, int ChemicalResponse, int SearchAndRescue, int Version) : IRegistryView;

/// <summary>Forces (lực lượng) in the registry.</summary>
public sealed class ForceRegistry : RegistryKind<Force, ForceInput, ForceView>
{
    public static ForceRegistry Instance { get; } = new();

    public override string Name => "forces";

    public override IReadOnlyList<string> Columns { get; } =
        ["kind", "name", "headcount", "readiness", "contact_name", "contact_phone", "note", "swimming", "first_aid", "boat_handling", "chemical_response", "search_and_rescue"];

    public override IQueryable<Force> Set(PtdsDbContext db) => db.Forces.Include(f => f.Skills);

    public override Expression<Func<Force, ForceView>> Projection { get; } = f => new ForceView(
        f.Id, f.UnitId, f.Unit.Code, f.Unit.FullName, f.OwnerOrganizationId, f.Kind, f.Name, f.Headcount, f.Readiness, f.ContactName, f.ContactPhone, f.Note,
        f.Skills.Where(s => s.Skill == Skill.Swimming).Sum(s => s.CertifiedMembers),
        f.Skills.Where(s => s.Skill == Skill.FirstAid).Sum(s => s.CertifiedMembers),
        f.Skills.Where(s => s.Skill == Skill.BoatHandling).Sum(s => s.CertifiedMembers),
        f.Skills.Where(s => s.Skill == Skill.ChemicalResponse).Sum(s => s.CertifiedMembers),
        f.Skills.Where(s => s.Skill == Skill.SearchAndRescue).Sum(s => s.CertifiedMembers),
        f.Version);

    public override Force New() => new() { Name = "" };

    public override void Apply(ForceInput input, Force entity)
    {
        entity.UnitId = input.UnitId;
        entity.OwnerOrganizationId = input.OwnerOrganizationId;
        entity.Kind = input.Kind;
        entity.Name = input.Name.Trim();
        entity.Headcount = input.Headcount;
        entity.Readiness = input.Readiness;
        entity.ContactName = RegistryChecks.Blank(input.ContactName);
        entity.ContactPhone = RegistryChecks.Blank(input.ContactPhone);
        entity.Note = RegistryChecks.Blank(input.Note);
        foreach (var (skill, count) in SkillCounts(input))
        {
            var held = entity.Skills.FirstOrDefault(s => s.Skill == skill);
            if (count == 0 && held is not null)
            {
                entity.Skills.Remove(held);
            }
            else if (count > 0 && held is null)
            {
                entity.Skills.Add(new ForceSkill { Skill = skill, CertifiedMembers = count });
            }
            else if (held is not null)
            {
                held.CertifiedMembers = count;
            }
        }
    }

    public static IEnumerable<(Skill Skill, int Count)> SkillCounts(ForceInput input) =>
    [
        (Skill.Swimming, input.Swimming), (Skill.FirstAid, input.FirstAid), (Skill.BoatHandling, input.BoatHandling),
        (Skill.ChemicalResponse, input.ChemicalResponse), (Skill.SearchAndRescue, input.SearchAndRescue),
    ];

    public override Expression<Func<Force, bool>> Search(string term) =>
        f => f.Name.ToLower().Contains(term) || (f.ContactName != null && f.ContactName.ToLower().Contains(term));

    public override Expression<Func<Force, bool>>? Category(string value) =>
        Enum.TryParse<ForceKind>(value, true, out var kind) ? f => f.Kind == kind : null;

    public override Task<Error?> CheckAsync(PtdsDbContext db, ForceInput input, CancellationToken ct) =>
        Task.FromResult<Error?>(SkillCounts(input).Any(s => s.Count > input.Headcount)
            ? ValidationError.ForField(nameof(ForceInput.Headcount), "A skill has more certified members than the force has members.")
            : null);

    public override IReadOnlyList<string?> ToRow(ForceView v) =>
        [v.Kind.ToString(), v.Name, Of(v.Headcount), v.Readiness.ToString(), v.ContactName, v.ContactPhone, v.Note,
            Of(v.Swimming), Of(v.FirstAid), Of(v.BoatHandling), Of(v.ChemicalResponse), Of(v.SearchAndRescue)];

    public override ForceInput FromRow(RegistryRow r) => new(
        r.UnitId("unit_code"), r.Integer("owner_organization_id"), r.RequiredChoice<ForceKind>("kind"), r.Required("name"),
        r.Integer("headcount") ?? 0, r.Choice<ForceReadiness>("readiness") ?? ForceReadiness.Ready, r.Text("contact_name"), r.Text("contact_phone"), r.Text("note"),
        r.Integer("swimming") ?? 0, r.Integer("first_aid") ?? 0, r.Integer("boat_handling") ?? 0, r.Integer("chemical_response") ?? 0, r.Integer("search_and_rescue") ?? 0);
}
