using CivilDefense.Core.Alerts.Subscribers;
using CivilDefense.Web.Platform;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace CivilDefense.Web.Features.Subscribers;

/// <summary>
/// Confirms a registration with the code. A link in the message may carry the code, but only
/// fills the form: a GET never confirms, because mail scanners follow links.
/// </summary>
[AllowAnonymous]
[EnableRateLimiting(SubscriberServices.PublicPolicy)]
public sealed class ConfirmModel(ConfirmSubscription confirm, HttpActorAccessor actors) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public int Id { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Code { get; set; }

    public string? Error { get; private set; }

    public bool Confirmed { get; private set; }

    public string? UnsubscribeToken { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        actors.Override = SubscribersApi.PublicActor;
        var result = await confirm.HandleAsync(new ConfirmSubscription.Input(Id, Code?.Trim() ?? ""), ct);
        if (result.IsSuccess)
        {
            Confirmed = true;
            UnsubscribeToken = result.Value!.UnsubscribeToken;
            return Page();
        }

        Error = result.Error!.FieldErrors?.Values.SelectMany(m => m).FirstOrDefault() ?? result.Error.Message;
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return Page();
    }
}
