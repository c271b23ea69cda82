using CivilDefense.Core.Access;
using CivilDefense.Core.Common;
using CivilDefense.Core.Organizations;
using CivilDefense.Web.Platform;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CivilDefense.Web.Features.Organizations;

/// <summary>One organisation: its facts and contacts, with edit, contact and deactivate forms for those allowed.</summary>
public sealed class DetailsModel(
    GetOrganization get, UpdateOrganization update, SetOrganizationActive setActive,
    AddContact addContact, RemoveContact removeContact, UiText text) : PageModel
{
    public OrganizationDetails? Organization { get; private set; }

    [BindProperty]
    public OrganizationForm Input { get; set; } = new();

    [BindProperty]
    public ContactForm Contact { get; set; } = new();

    public bool CanEdit { get; private set; }

    public string? Message { get; private set; }

    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        FillForm();
        return Page();
    }

    public Task<IActionResult> OnPostEditAsync(int id, CancellationToken ct) => WriteAsync(id, async () =>
    {
        var result = await update.HandleAsync(id, new UpdateOrganization.Input(
            Input.Version, Input.Kind, Input.Name, Input.ShortName, Organization!.ParentOrganizationId, Input.Address, Input.Phone, Input.Email), ct);
        return result.Error;
    }, ct);

    public Task<IActionResult> OnPostAddContactAsync(int id, CancellationToken ct) => WriteAsync(id, async () =>
    {
        var result = await addContact.HandleAsync(id, new ContactInput(Contact.Name, Contact.Position, Contact.Phone, Contact.Email, Contact.IsDutyContact), ct);
        return result.Error;
    }, ct);

    public Task<IActionResult> OnPostRemoveContactAsync(int id, int contactId, CancellationToken ct) =>
        WriteAsync(id, async () => (await removeContact.HandleAsync(id, contactId, ct)).Error, ct);

    public Task<IActionResult> OnPostDeactivateAsync(int id, CancellationToken ct) =>
        WriteAsync(id, async () => (await setActive.HandleAsync(id, active: false, ct)).Error, ct);

    public Task<IActionResult> OnPostReactivateAsync(int id, CancellationToken ct) =>
        WriteAsync(id, async () => (await setActive.HandleAsync(id, active: true, ct)).Error, ct);

    /// <summary>Every form: check the record is visible and writable, run the handler, show the outcome.</summary>
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
            Error = ErrorText.Of(error, text);
            Response.StatusCode = ErrorText.StatusOf(error);
            return Page();
        }

        // Post-redirect-get, so a reload does not post the form again.
        TempData["Message"] = text["Saved."];
        return Redirect($"/organizations/{id}");
    }

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        var result = await get.HandleAsync(id, ct);
        Organization = result.Value;
        Message = TempData["Message"] as string;
        CanEdit = Organization is not null && AccessPolicy.CanWrite(PtdsClaims.ToActor(User), Resource.Organizations, Organization.UnitPath, Organization.Id);
        return result.IsSuccess;
    }

    private void FillForm()
    {
        var o = Organization!;
        Input = new OrganizationForm { Version = o.Version, Kind = o.Kind, Name = o.Name, ShortName = o.ShortName, Address = o.Address, Phone = o.Phone, Email = o.Email };
    }
}
