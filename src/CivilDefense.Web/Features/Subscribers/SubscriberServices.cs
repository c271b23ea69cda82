using System.Globalization;
using System.Threading.RateLimiting;
using CivilDefense.Core.Alerts.Subscribers;
using CivilDefense.Core.Alerts.Targeting;
using Microsoft.AspNetCore.RateLimiting;

namespace CivilDefense.Web.Features.Subscribers;

/// <summary>Handlers, the link key, the confirmation sender and the public rate limit of the subscriber feature.</summary>
public static class SubscriberServices
{
    /// <summary>The rate-limiter policy of the public (no login) registration, confirmation and unsubscribe endpoints and pages.</summary>
    public const string PublicPolicy = "subscribers-public";

    public static void AddSubscribers(this IServiceCollection services)
    {
        services.AddScoped<RegisterSubscriber>();
        services.AddScoped<ConfirmSubscription>();
        services.AddScoped<Unsubscribe>();
        services.AddScoped<CreateSubscriber>();
        services.AddScoped<UpdateSubscriber>();
        services.AddScoped<SetSubscriberActive>();
        services.AddScoped<ListSubscribers>();
        services.AddScoped<ImportDutyContacts>();
        services.AddScoped<GetSubscriber>();
        services.AddScoped<ListPublicCommunes>();
        services.AddSingleton<SubscriberIndexCache>();
        services.AddSingleton(sp => new SubscriberKeys(LinkKey(sp.GetRequiredService<IConfiguration>())));
        services.AddSingleton<IConfirmationSender, LogConfirmationSender>();

        services.AddRateLimiter(_ => { });
        services.AddOptions<RateLimiterOptions>().Configure<IConfiguration>((o, configuration) =>
        {
            // Per client address: a fixed window of N requests; behind a proxy UseForwardedHeaders supplies the address.
            var permits = configuration.GetValue("Subscribers:PublicRequestsPerWindow", 20);
            var window = TimeSpan.FromMinutes(configuration.GetValue("Subscribers:PublicWindowMinutes", 10));
            o.AddPolicy(PublicPolicy, context => RateLimitPartition.GetFixedWindowLimiter(
                context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = permits, Window = window, QueueLimit = 0 }));
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.OnRejected = async (context, ct) =>
            {
                if (context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retry))
                {
                    context.HttpContext.Response.Headers.RetryAfter = ((int)retry.TotalSeconds).ToString(CultureInfo.InvariantCulture);
                }

                await TypedResults.Problem("Too many requests from this address; try again later.", statusCode: StatusCodes.Status429TooManyRequests, title: "Too many requests")
                    .ExecuteAsync(context.HttpContext);
            };
        });
    }

    /// <summary>
    /// The key of unsubscribe links and code hashes: <c>Subscribers:LinkKey</c> (base64, 32+ bytes), or
    /// a key file (<c>Subscribers:LinkKeyFile</c>, by default next to the SQLite database) made on first
    /// start. It must outlive restarts: links already sent must keep working.
    /// </summary>
    public static byte[] LinkKey(IConfiguration configuration)
    {
        if (configuration["Subscribers:LinkKey"] is { Length: > 0 } configured)
        {
            return Convert.FromBase64String(configured);
        }

        var path = Path.GetFullPath(configuration["Subscribers:LinkKeyFile"] ?? "data/runtime/subscriber-links.key");
        if (!File.Exists(path))
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            var fresh = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));
            try
            {
                using var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write);
                if (!OperatingSystem.IsWindows())
                {
                    File.SetUnixFileMode(file.SafeFileHandle, UnixFileMode.UserRead | UnixFileMode.UserWrite);
                }

                file.Write(System.Text.Encoding.ASCII.GetBytes(fresh));
            }
            catch (IOException) when (File.Exists(path))
            {
                // Another instance created it first: use theirs.
            }
        }

        // Another instance starting at the same moment may have created the file and not yet
        // written it (seen in the test suite's parallel apps: a key of no bytes): wait for it,
        // a second at most. A key of 32 bytes is 44 characters of base64.
        for (var attempt = 1; ; attempt++)
        {
            var text = File.ReadAllText(path).Trim();
            if (text.Length >= 44 || attempt == 100)
            {
                return Convert.FromBase64String(text);
            }

            Thread.Sleep(10);
        }
    }
}

/// <summary>
/// Stands in for the delivery outbox, which will queue the confirmation as an SMS or e-mail through
/// <see cref="IConfirmationSender"/>. Until then the request is written to the log, and the code
/// itself only in the Development environment, so a tester can complete a registration by hand;
/// in production the log says that a code is waiting, never the code.
/// </summary>
public sealed partial class LogConfirmationSender(ILogger<LogConfirmationSender> log, IHostEnvironment environment) : IConfirmationSender
{
    public Task SendAsync(ConfirmationMessage message, CancellationToken ct)
    {
        if (environment.IsDevelopment())
        {
            CodeForDevelopment(message.SubscriberId, message.Code, message.Phone ?? message.Email);
        }
        else
        {
            Waiting(message.SubscriberId);
        }

        return Task.CompletedTask;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Subscriber {SubscriberId}: confirmation code {Code} for {Address} (development only; no channel sends it yet).")]
    private partial void CodeForDevelopment(int subscriberId, string code, string? address);

    [LoggerMessage(Level = LogLevel.Information, Message = "Subscriber {SubscriberId}: confirmation code issued; waiting for the delivery outbox to send it.")]
    private partial void Waiting(int subscriberId);
}
