using CivilDefense.Core.Access;
using CivilDefense.Core.Geography;
using CivilDefense.Core.Organizations;
using CivilDefense.Core.Plans.Import;
using CivilDefense.Core.Plans.Parsing;
using CivilDefense.Web.Features.Organizations;
using CivilDefense.Web.Platform;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CivilDefense.Web.Features.Plans;

/// <summary>
/// Import of a plan document in two steps: upload and preview (what will be created, what needs
/// review, what changed since the stored version), then apply with the user's answers.
/// </summary>
[RequestSizeLimit(WebHost.MaxUploadBytes)]
public sealed class ImportModel(PreviewPlanImport preview, ApplyPlanImport apply, PendingUploads uploads, Core.Data.PtdsDbContext db, UiText text) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public int UnitId { get; set; }

    [BindProperty]
    public string? UploadId { get; set; }

    [BindProperty]
    public List<DecisionForm> Decisions { get; set; } = [];

    public IReadOnlyList<(int Id, string Name)> Units { get; private set; } = [];

    public PlanImportPreview? Preview { get; private set; }

    public string? FileName { get; private set; }

    public string? Error { get; private set; }

    public sealed class DecisionForm
    {
        public string Key { get; set; } = "";

        /// <summary>"later", "org" or "new".</summary>
        public string Choice { get; set; } = "later";

        public int? OrganizationId { get; set; }

        public string? NewName { get; set; }

        public OrganizationKind NewKind { get; set; } = OrganizationKind.Other;
    }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ?? Page();

    public async Task<IActionResult> OnPostPreviewAsync(IFormFile? file, CancellationToken ct)
    {
        if (await LoadAsync(ct) is { } refused)
        {
            return refused;
        }

        if (file is null || file.Length == 0)
        {
            return Fail(text["Choose a plan document (Markdown, text or DOCX)."]);
        }

        if (file.Length > PlanReadLimits.Default.MaxFileBytes)
        {
            return Fail(text.Format("The file may not exceed {0} MB.", PlanReadLimits.Default.MaxFileBytes / 1024 / 1024));
        }

        using var buffer = new MemoryStream();
        await file.CopyToAsync(buffer, ct);
        FileName = Path.GetFileName(file.FileName);
        var result = await preview.HandleAsync(new PlanFile(FileName, buffer.ToArray()), UnitId, ct);
        if (!result.IsSuccess)
        {
            Response.StatusCode = ErrorText.StatusOf(result.Error!);
            return Fail(ErrorText.Of(result.Error!, text));
        }

        Preview = result.Value!;
        UploadId = uploads.Keep(User.Identity!.Name!, FileName, buffer.ToArray());
        Decisions = Preview.Review.Select(r => new DecisionForm { Key = r.MentionKey, OrganizationId = r.Suggestions.FirstOrDefault()?.OrganizationId }).ToList();
        return Page();
    }

    public async Task<IActionResult> OnPostApplyAsync(CancellationToken ct)
    {
        if (await LoadAsync(ct) is { } refused)
        {
            return refused;
        }

        if (uploads.Find(User.Identity!.Name!, UploadId) is not { } upload)
        {
            return Fail(text["The uploaded file has expired; upload it again."]);
        }

        var decisions = Decisions.Where(d => d.Choice is "org" or "new").Select(d => d.Choice == "org"
                ? new BodyDecision(d.Key, d.OrganizationId, null)
                : new BodyDecision(d.Key, null, new NewBodyOrganization(d.NewName ?? "", d.NewKind, UnitId, null)))
            .ToList();
        var result = await apply.HandleAsync(new PlanFile(upload.FileName, upload.Content), UnitId, decisions, ct);
        if (!result.IsSuccess)
        {
            Response.StatusCode = ErrorText.StatusOf(result.Error!);
            return Fail(ErrorText.Of(result.Error!, text));
        }

        uploads.Forget(User.Identity!.Name!, UploadId!);
        TempData["Message"] = result.Value!.Outcome == PlanImportOutcome.Unchanged
            ? text["The plan already says exactly this; nothing was changed."]
            : text.Format("Imported: {0} groups, {1} tasks, {2} assignments; {3} names to review.", result.Value.Groups, result.Value.Tasks, result.Value.Assignments, result.Value.Unresolved);
        return Redirect($"/plans/{result.Value.PlanId}");
    }

    private PageResult Fail(string message)
    {
        Error = message;
        return Page();
    }

    /// <summary>The units a plan can be imported for: the actor's own and those directly below it.</summary>
    private async Task<IActionResult?> LoadAsync(CancellationToken ct)
    {
        var actor = PtdsClaims.ToActor(User);
        if (!AccessPolicy.CanWriteAny(actor, Resource.Plans) || actor.Role == Role.AgencyLiaison)
        {
            return Forbid();
        }

        var own = actor.UnitId;
        Units = await db.Units.AsNoTracking()
            .Where(u => u.ValidTo == null && (own == null ? u.Level <= 1 : u.Id == own || u.ParentId == own))
            .OrderBy(u => u.Level).ThenBy(u => u.Name)
            .Select(u => new ValueTuple<int, string>(u.Id, u.FullName))
            .ToListAsync(ct);
        if (UnitId == 0)
        {
            UnitId = own ?? Units.FirstOrDefault().Id;
        }

        return null;
    }
}
