namespace CivilDefense.Core.Alerts.Delivery;

/// <summary>The "Delivery" section of appsettings: the dispatcher and the configured channels (gateways).</summary>
public sealed class DeliveryOptions
{
    public const string Section = "Delivery";

    public DispatcherOptions Dispatcher { get; set; } = new();

    /// <summary>Channels by name; the name is what deliveries carry in their Channel column.</summary>
    public Dictionary<string, ChannelOptions> Channels { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Every problem with the configuration, one line each (empty when valid); checked at start.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        Dispatcher.Validate(errors);
        foreach (var (name, channel) in Channels)
        {
            channel.Validate($"Delivery:Channels:{name}", errors);
        }

        return errors;
    }
}

public sealed class DispatcherOptions
{
    /// <summary>Runs the dispatcher in this process (a web node may leave it to worker processes).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Deliveries claimed per database round trip.</summary>
    public int ClaimBatchSize { get; set; } = 1000;

    /// <summary>
    /// Deliveries claimed but not yet recorded as done, at most. This bounds the duplicates after a
    /// crash: only these can have been sent without the outbox knowing. Split between the configured
    /// channels, each its own part (<see cref="ClaimPlan"/>), so a slow gateway cannot hold it all.
    /// </summary>
    public int InFlightWindow { get; set; } = 4000;

    /// <summary>Claims per configured channel, and outcome writes, this process runs at once (each a statement over a whole batch).</summary>
    public int Concurrency { get; set; } = 2;

    /// <summary>How long a claim holds; a dispatcher that died is replaced after this.</summary>
    public TimeSpan Lease { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Attempts before a delivery is dead.</summary>
    public int MaxAttempts { get; set; } = 6;

    public TimeSpan BackoffBase { get; set; } = TimeSpan.FromSeconds(5);

    public TimeSpan BackoffMax { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>How often an idle dispatcher looks for due deliveries.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Names this process's claims; defaults to host name and process id.</summary>
    public string? WorkerId { get; set; }

    internal void Validate(List<string> errors)
    {
        Require(errors, ClaimBatchSize is >= 1 and <= 50_000, "Delivery:Dispatcher:ClaimBatchSize must be 1-50000.");
        Require(errors, InFlightWindow >= ClaimBatchSize, "Delivery:Dispatcher:InFlightWindow must be at least ClaimBatchSize.");
        Require(errors, Concurrency is >= 1 and <= 16, "Delivery:Dispatcher:Concurrency must be 1-16.");
        Require(errors, Lease >= TimeSpan.FromSeconds(1), "Delivery:Dispatcher:Lease must be at least one second.");
        Require(errors, MaxAttempts is >= 1 and <= 100, "Delivery:Dispatcher:MaxAttempts must be 1-100.");
        Require(errors, BackoffBase > TimeSpan.Zero && BackoffMax >= BackoffBase, "Delivery:Dispatcher:BackoffBase must be positive and not above BackoffMax.");
        Require(errors, PollInterval > TimeSpan.Zero, "Delivery:Dispatcher:PollInterval must be positive.");
    }

    internal static void Require(List<string> errors, bool condition, string message)
    {
        if (!condition)
        {
            errors.Add(message);
        }
    }
}

public enum ChannelKind
{
    HttpSms,
    Email,
    Webhook,
}

/// <summary>One gateway: its kind, its limits and the settings of that kind.</summary>
public sealed class ChannelOptions
{
    public ChannelKind Kind { get; set; }

    /// <summary>Deliveries per second the gateway allows (token bucket); 0 means unlimited.</summary>
    public double RatePerSecond { get; set; }

    /// <summary>Deliveries that may go at once after a quiet spell; at least one batch.</summary>
    public int Burst { get; set; } = 100;

    /// <summary>Requests (or SMTP sessions) open at once towards this gateway.</summary>
    public int MaxConcurrentRequests { get; set; } = 64;

    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// HTTP status codes after which a send is tried again; any other non-2xx fails for good.
    /// Null means the usual ones: the configuration binder would append to a non-empty default.
    /// </summary>
    public int[]? RetryableStatusCodes { get; set; }

    public IReadOnlyCollection<int> RetryableStatuses => RetryableStatusCodes ?? [408, 425, 429, 500, 502, 503, 504];

    public HttpSmsOptions? Http { get; set; }

    public SmtpOptions? Smtp { get; set; }

    public WebhookOptions? Webhook { get; set; }

    internal void Validate(string path, List<string> errors)
    {
        DispatcherOptions.Require(errors, RatePerSecond >= 0, $"{path}:RatePerSecond must not be negative.");
        DispatcherOptions.Require(errors, Burst >= 1, $"{path}:Burst must be at least 1.");
        DispatcherOptions.Require(errors, MaxConcurrentRequests >= 1, $"{path}:MaxConcurrentRequests must be at least 1.");
        DispatcherOptions.Require(errors, Timeout > TimeSpan.Zero, $"{path}:Timeout must be positive.");
        switch (Kind)
        {
            case ChannelKind.HttpSms when Http is null:
            case ChannelKind.Email when Smtp is null:
            case ChannelKind.Webhook when Webhook is null:
                errors.Add($"{path}: a {Kind} channel needs its {Kind switch { ChannelKind.HttpSms => "Http", ChannelKind.Email => "Smtp", _ => "Webhook" }} settings.");
                break;
            case ChannelKind.HttpSms:
                Http!.Validate(path + ":Http", errors);
                break;
            case ChannelKind.Email:
                Smtp!.Validate(path + ":Smtp", errors);
                break;
            case ChannelKind.Webhook:
                Webhook!.Validate(path + ":Webhook", errors);
                break;
        }
    }
}

/// <summary>
/// A generic SMS gateway over HTTP. Templates are JSON with placeholders {{to}}, {{text}},
/// {{key}} (idempotency key), {{alert}}, {{recipient}}, {{language}}; values are inserted
/// JSON-escaped. The batch template holds {{items}}, replaced by the rendered items joined by commas.
/// </summary>
public sealed class HttpSmsOptions
{
    public string Url { get; set; } = "";

    public string Method { get; set; } = "POST";

    public string BodyTemplate { get; set; } = """{"to":"{{to}}","text":"{{text}}","idempotencyKey":"{{key}}"}""";

    /// <summary>e.g. "Authorization"; sent with <see cref="AuthValue"/> on every request.</summary>
    public string? AuthHeader { get; set; }

    public string? AuthValue { get; set; }

    /// <summary>The gateway's batch endpoint; without it every message is one request.</summary>
    public string? BatchUrl { get; set; }

    public string BatchBodyTemplate { get; set; } = """{"messages":[{{items}}]}""";

    public int MaxBatchSize { get; set; } = 1;

    internal void Validate(string path, List<string> errors)
    {
        DispatcherOptions.Require(errors, Uri.TryCreate(Url, UriKind.Absolute, out var url) && url.Scheme is "http" or "https", $"{path}:Url must be an absolute http(s) URL.");
        DispatcherOptions.Require(errors, Method is "POST" or "PUT", $"{path}:Method must be POST or PUT.");
        DispatcherOptions.Require(errors, BodyTemplate.Contains("{{to}}", StringComparison.Ordinal) && BodyTemplate.Contains("{{text}}", StringComparison.Ordinal), $"{path}:BodyTemplate must contain {{{{to}}}} and {{{{text}}}}.");
        DispatcherOptions.Require(errors, (AuthHeader is null) == (AuthValue is null), $"{path}:AuthHeader and AuthValue go together.");
        DispatcherOptions.Require(errors, MaxBatchSize is >= 1 and <= 10_000, $"{path}:MaxBatchSize must be 1-10000.");
        DispatcherOptions.Require(errors, MaxBatchSize == 1 || (Uri.TryCreate(BatchUrl, UriKind.Absolute, out _) && BatchBodyTemplate.Contains("{{items}}", StringComparison.Ordinal)),
            $"{path}: batches (MaxBatchSize > 1) need an absolute BatchUrl and a BatchBodyTemplate with {{{{items}}}}.");
    }
}

public sealed class SmtpOptions
{
    public string Host { get; set; } = "";

    public int Port { get; set; } = 25;

    /// <summary>STARTTLS (System.Net.Mail's EnableSsl) before authenticating and sending.</summary>
    public bool StartTls { get; set; }

    public string? UserName { get; set; }

    public string? Password { get; set; }

    public string From { get; set; } = "";

    internal void Validate(string path, List<string> errors)
    {
        DispatcherOptions.Require(errors, !string.IsNullOrWhiteSpace(Host), $"{path}:Host is required.");
        DispatcherOptions.Require(errors, Port is > 0 and < 65536, $"{path}:Port must be 1-65535.");
        DispatcherOptions.Require(errors, System.Net.Mail.MailAddress.TryCreate(From, out _), $"{path}:From must be an e-mail address.");
        DispatcherOptions.Require(errors, (UserName is null) == (Password is null), $"{path}:UserName and Password go together.");
    }
}

public sealed class WebhookOptions
{
    /// <summary>The HMAC-SHA256 key shared with the receivers (at least 32 characters).</summary>
    public string Secret { get; set; } = "";

    internal void Validate(string path, List<string> errors) =>
        DispatcherOptions.Require(errors, Secret.Length >= 32, $"{path}:Secret must be at least 32 characters.");
}
