using CivilDefense.Core.Alerts.Subscribers;
using CivilDefense.Web.Platform;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace CivilDefense.Web.Features.Subscribers;

/// <summary>The public registration page (đăng ký nhận cảnh báo): no login, rate-limited per address.</summary>
[AllowAnonymous]
[EnableRateLimiting(SubscriberServices.PublicPolicy)]
public sealed class SubscribeModel(RegisterSubscriber register, ListPublicCommunes communes, HttpActorAccessor actors, IConfiguration configuration) : PageModel
{
    [BindProperty]
    public Form Input { get; set; } = new();

    public IReadOnlyList<PublicCommune> Communes { get; private set; } = [];

    public IReadOnlyDictionary<string, string[]> Errors { get; private set; } = new Dictionary<string, string[]>();

    public sealed class Form
    {
        public string Name { get; set; } = "";

        public string? Phone { get; set; }

        public string? Email { get; set; }

        public string Language { get; set; } = SubscriberLanguages.Vietnamese;

        public string CommuneCode { get; set; } = "";

        public double? Latitude { get; set; }

        public double? Longitude { get; set; }
    }

    public async Task OnGetAsync(CancellationToken ct) =>
        Communes = await communes.HandleAsync(configuration["Subscribers:ProvinceCode"], ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        actors.Override = SubscribersApi.PublicActor;
        var result = await register.HandleAsync(
            new RegisterSubscriber.Input(Input.Name, Input.Phone, Input.Email, Input.Language, Input.CommuneCode, Input.Latitude, Input.Longitude), ct);
        if (result.IsSuccess)
        {
            return Redirect($"/subscribe/confirm?id={result.Value!.SubscriberId}");
        }

        Errors = result.Error!.FieldErrors ?? new Dictionary<string, string[]> { [""] = [result.Error.Message] };
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        await OnGetAsync(ct);
        return Page();
    }
}
