using System.Collections.Concurrent;
using System.Net;
using System.Net.Mail;

namespace CivilDefense.Core.Alerts.Delivery.Channels;

/// <summary>
/// E-mail over SMTP with System.Net.Mail (MailKit is not available here). An SmtpClient sends one
/// message at a time, so the channel keeps a pool of them, one per concurrent session.
/// </summary>
public sealed class SmtpEmailChannel(SmtpOptions options, TimeSpan timeout) : IDeliveryChannel, IDisposable
{
    private readonly ConcurrentBag<SmtpClient> _idle = [];

    public async Task<SendResult> SendAsync(OutgoingMessage message, CancellationToken ct)
    {
        if (!MailAddress.TryCreate(message.Address, out var to))
        {
            return SendResult.Rejected("The address is not an e-mail address.");
        }

        using var mail = new MailMessage(new MailAddress(options.From), to)
        {
            Subject = message.Subject ?? "",
            Body = message.Body,
            BodyEncoding = System.Text.Encoding.UTF8,
            SubjectEncoding = System.Text.Encoding.UTF8,
        };
        mail.Headers.Add("X-PTDS-Idempotency-Key", message.IdempotencyKey);
        mail.Headers.Add("X-PTDS-Alert", message.AlertId.ToString());

        var client = _idle.TryTake(out var pooled) ? pooled : Create();
        try
        {
            await client.SendMailAsync(mail, ct);
            _idle.Add(client);
            return SendResult.Sent;
        }
        catch (SmtpFailedRecipientException e)
        {
            _idle.Add(client);
            return IsTransient(e.StatusCode) ? SendResult.Transient(HttpResults.Trim(e.Message)) : SendResult.Rejected(HttpResults.Trim(e.Message));
        }
        catch (SmtpException e)
        {
            // The session may be broken: drop this client rather than reuse it.
            client.Dispose();
            return IsTransient(e.StatusCode) ? SendResult.Transient(HttpResults.Trim(e.Message)) : SendResult.Rejected(HttpResults.Trim(e.Message));
        }
        catch (Exception e) when (e is IOException or InvalidOperationException or System.Net.Sockets.SocketException)
        {
            client.Dispose();
            return SendResult.Transient(HttpResults.Trim(e.Message));
        }
    }

    public void Dispose()
    {
        while (_idle.TryTake(out var client))
        {
            client.Dispose();
        }
    }

    /// <summary>SMTP 4xx replies and lost connections (GeneralFailure, -1) are worth another try; 5xx replies are final.</summary>
    private static bool IsTransient(SmtpStatusCode code) => (int)code < 500;

    private SmtpClient Create()
    {
        var client = new SmtpClient(options.Host, options.Port)
        {
            EnableSsl = options.StartTls,
            DeliveryMethod = SmtpDeliveryMethod.Network,
            Timeout = (int)timeout.TotalMilliseconds,
        };
        if (options.UserName is not null)
        {
            client.Credentials = new NetworkCredential(options.UserName, options.Password);
        }

        return client;
    }
}
