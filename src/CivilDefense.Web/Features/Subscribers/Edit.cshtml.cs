using CivilDefense.Core.Alerts.Subscribers;
using CivilDefense.Core.Common;
using CivilDefense.Core.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CivilDefense.Web.Features.Subscribers;

/// <summary>Staff create or correct a resident or duty contact; the same handlers as the API.</summary>
public sealed class EditModel(PtdsDbContext db, GetSubscriber get, CreateSubscriber create, UpdateSubscriber update) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public int? Id { get; set; }

    [BindProperty]
    public SubscriberKind Kind { get; set; }

    [BindProperty]
    public string Name { get; set; } = "";

    [BindProperty]
    public string? Phone { get; set; }

    [BindProperty]
    public string? Email { get; set; }

    [BindProperty]
    public string Language { get; set; } = SubscriberLanguages.Vietnamese;

    [BindProperty]
    public double? Latitude { get; set; }

    [BindProperty]
    public double? Longitude { get; set; }

    [BindProperty]
    public int? UnitId { get; set; }

    [BindProperty]
    public int? OrganizationId { get; set; }

    [BindProperty]
    public int? ContactOrder { get; set; }

    [BindProperty]
    public bool IsDutyOfficer { get; set; }

    [BindProperty]
    public string? WebhookUrl { get; set; }

    [BindProperty]
    public int Version { get; set; }

    public IReadOnlyList<(int Id, string Name)> Communes { get; private set; } = [];

    public IReadOnlyList<(int Id, string Name)> Organizations { get; private set; } = [];

    public IReadOnlyDictionary<string, string[]> Errors { get; private set; } = new Dictionary<string, string[]>();

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (Id is { } id)
        {
            if (await get.HandleAsync(id, ct) is not { PersonalDataMasked: false } s)
            {
                return NotFound();
            }

            (Kind, Name, Phone, Email, Language, Latitude, Longitude) = (s.Kind, s.Name, s.Phone, s.Email, s.Language, s.Latitude, s.Longitude);
            (UnitId, OrganizationId, ContactOrder, IsDutyOfficer, WebhookUrl, Version) = (s.UnitId, s.OrganizationId, s.ContactOrder, s.IsDutyOfficer, s.WebhookUrl, s.Version);
        }

        await LoadChoicesAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var input = new SubscriberInput(Kind, Name, Phone, Email, Language, Latitude, Longitude, UnitId, OrganizationId, ContactOrder, IsDutyOfficer, WebhookUrl);
        var result = Id is { } id ? await update.HandleAsync(id, input, Version, ct) : await create.HandleAsync(input, ct);
        if (result.IsSuccess)
        {
            return Redirect("/subscribers");
        }

        if (result.Error is NotFoundError && Id is not null)
        {
            return NotFound();
        }

        Errors = result.Error!.FieldErrors ?? new Dictionary<string, string[]> { [""] = [result.Error.Message] };
        Response.StatusCode = result.Error is ConflictError ? StatusCodes.Status409Conflict : StatusCodes.Status422UnprocessableEntity;
        await LoadChoicesAsync(ct);
        return Page();
    }

    private async Task LoadChoicesAsync(CancellationToken ct)
    {
        Communes = [.. (await db.Units.AsNoTracking().Where(u => u.Level == 3).OrderBy(u => u.Name).Select(u => new { u.Id, u.FullName }).Take(5000).ToListAsync(ct)).Select(u => (u.Id, u.FullName))];
        Organizations = [.. (await db.Organizations.AsNoTracking().Where(o => o.IsActive).OrderBy(o => o.Name).Select(o => new { o.Id, o.Name }).Take(5000).ToListAsync(ct)).Select(o => (o.Id, o.Name))];
    }
}
