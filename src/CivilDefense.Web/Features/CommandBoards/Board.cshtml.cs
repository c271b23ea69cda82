using CivilDefense.Core.Access;
using CivilDefense.Core.CommandBoards;
using CivilDefense.Core.Common;
using CivilDefense.Core.Organizations;
using CivilDefense.Web.Platform;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CivilDefense.Web.Features.CommandBoards;

/// <summary>One board: members by role, the roster of the next 14 days, and the forms to change them.</summary>
public sealed class BoardModel(
    GetBoard get, UpdateBoard update, SetBoardActive setActive, AddMember addMember, SetMemberActive setMemberActive,
    AddShift addShift, RemoveShift removeShift, ListOrganizations organizations, UiText text) : PageModel
{
    public BoardDetails? Board { get; private set; }

    public IReadOnlyList<OrganizationSummary> Organizations { get; private set; } = [];

    [BindProperty]
    public BoardForm Input { get; set; } = new();

    [BindProperty]
    public MemberForm Member { get; set; } = new();

    [BindProperty]
    public ShiftForm Shift { get; set; } = new();

    public bool CanEdit { get; private set; }

    public string? Message { get; private set; }

    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        var b = Board!;
        Input = new BoardForm { Version = b.Version, Name = b.Name, StandingAgencyId = b.StandingAgencyId, EstablishingDecision = b.EstablishingDecision, EstablishedOn = b.EstablishedOn };
        var start = VietnamTime.FromUtc(get.Now).Date.AddDays(1).AddHours(7);
        Shift = new ShiftForm { StartsAt = start, EndsAt = start.AddDays(1) };
        return Page();
    }

    public Task<IActionResult> OnPostEditAsync(int id, CancellationToken ct) => WriteAsync(id, async () =>
        (await update.HandleAsync(id, new UpdateBoard.Input(Input.Version, Input.Name, Input.StandingAgencyId, Input.EstablishingDecision, Input.EstablishedOn), ct)).Error, ct);

    public Task<IActionResult> OnPostDeactivateAsync(int id, CancellationToken ct) =>
        WriteAsync(id, async () => (await setActive.HandleAsync(id, active: false, ct)).Error, ct);

    public Task<IActionResult> OnPostReactivateAsync(int id, CancellationToken ct) =>
        WriteAsync(id, async () => (await setActive.HandleAsync(id, active: true, ct)).Error, ct);

    public Task<IActionResult> OnPostAddMemberAsync(int id, CancellationToken ct) => WriteAsync(id, async () =>
        (await addMember.HandleAsync(id, new MemberInput(Member.FullName, Member.Position, Member.Role, Member.OrganizationId, Member.Phone, Member.Email), ct)).Error, ct);

    public Task<IActionResult> OnPostDeactivateMemberAsync(int id, int memberId, CancellationToken ct) =>
        WriteAsync(id, async () => (await setMemberActive.HandleAsync(id, memberId, active: false, ct)).Error, ct);

    public Task<IActionResult> OnPostAddShiftAsync(int id, CancellationToken ct) => WriteAsync(id, async () =>
        (await addShift.HandleAsync(id, new AddShift.Input(Shift.MemberId, VietnamTime.ToUtc(Shift.StartsAt), VietnamTime.ToUtc(Shift.EndsAt), Shift.Note), ct)).Error, ct);

    public Task<IActionResult> OnPostRemoveShiftAsync(int id, int shiftId, CancellationToken ct) =>
        WriteAsync(id, async () => (await removeShift.HandleAsync(id, shiftId, ct)).Error, ct);

    /// <summary>Every form: check the board is visible and writable, run the handler, show the outcome.</summary>
    private async Task<IActionResult> WriteAsync(int id, Func<Task<Error?>> write, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        if (!CanEdit)
        {
            return Forbid();
        }

        var error = await write();
        if (error is not null)
        {
            Error = BoardErrorText.Of(error, text);
            Response.StatusCode = BoardErrorText.StatusOf(error);
            return Page();
        }

        // Post-redirect-get, so a reload does not post the form again.
        TempData["Message"] = text["Saved."];
        return Redirect($"/boards/{id}");
    }

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        var result = await get.HandleAsync(id, ct);
        Board = result.Value;
        Message = TempData["Message"] as string;
        if (Board is null)
        {
            return false;
        }

        CanEdit = AccessPolicy.CanWrite(PtdsClaims.ToActor(User), Resource.CommandBoards, Board.UnitPath);
        if (CanEdit)
        {
            Organizations = (await organizations.HandleAsync(new ListOrganizations.Query(Board.UnitId, IsActive: true), new PageQuery(1, PageQuery.MaxPageSize), ct)).Items;
        }

        return true;
    }
}
