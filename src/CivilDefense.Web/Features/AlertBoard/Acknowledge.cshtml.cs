using CivilDefense.Core.Alerts.Acknowledgements;
using CivilDefense.Web.Features.Subscribers;
using CivilDefense.Web.Platform;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace CivilDefense.Web.Features.AlertBoard;

/// <summary>
/// The acknowledgement link's page (no login): GET shows the alert and one button and changes
/// nothing, since mail and chat scanners fetch links before the person does; POST acknowledges.
/// </summary>
[AllowAnonymous]
[EnableRateLimiting(SubscriberServices.PublicPolicy)]
public sealed class AcknowledgeModel(AcknowledgeAlert acknowledge, HttpActorAccessor actors) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Token { get; set; }

    public AcknowledgementView? View { get; private set; }

    public bool Done { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        actors.Override = SubscribersApi.PublicActor;
        return Show(await acknowledge.ReadLinkAsync(Token, ct));
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        actors.Override = SubscribersApi.PublicActor;
        var result = await acknowledge.ByLinkAsync(Token, ct);
        Done = result.IsSuccess;
        return Show(result);
    }

    private PageResult Show(Core.Common.Result<AcknowledgementView> result)
    {
        View = result.Value;
        if (!result.IsSuccess)
        {
            Response.StatusCode = StatusCodes.Status404NotFound;
        }

        return Page();
    }
}
