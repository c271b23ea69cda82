using CivilDefense.Core.Alerts.Subscribers;
using CivilDefense.Web.Platform;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace CivilDefense.Web.Features.Subscribers;

/// <summary>
/// The unsubscribe link's page: GET shows one button, POST unsubscribes (link scanners only GET).
/// Works as often as it is used; no login.
/// </summary>
[AllowAnonymous]
[EnableRateLimiting(SubscriberServices.PublicPolicy)]
public sealed class UnsubscribeModel(Unsubscribe unsubscribe, HttpActorAccessor actors) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Token { get; set; }

    public bool Done { get; private set; }

    public bool Invalid { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        actors.Override = SubscribersApi.PublicActor;
        var result = await unsubscribe.HandleAsync(Token, ct);
        Done = result.IsSuccess;
        Invalid = !result.IsSuccess;
        if (Invalid)
        {
            Response.StatusCode = StatusCodes.Status404NotFound;
        }

        return Page();
    }
}
