using CivilDefense.Core.Alerts.Delivery;
using Microsoft.Extensions.Options;

namespace CivilDefense.Web.Features.Delivery;

/// <summary>Alert delivery in the web host: the "Delivery" settings, checked at start, and the dispatcher.</summary>
public static class DeliveryFeature
{
    public static void AddDelivery(IServiceCollection services)
    {
        services.AddOptions<DeliveryOptions>().BindConfiguration(DeliveryOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<DeliveryOptions>, DeliveryOptionsValidator>();
        services.AddHostedService<DeliveryDispatcherService>();
    }

    /// <summary>A wrong gateway URL or a short webhook secret stops the start, with every problem listed.</summary>
    private sealed class DeliveryOptionsValidator : IValidateOptions<DeliveryOptions>
    {
        public ValidateOptionsResult Validate(string? name, DeliveryOptions options) =>
            options.Validate() is { Count: > 0 } errors ? ValidateOptionsResult.Fail(errors) : ValidateOptionsResult.Success;
    }
}
