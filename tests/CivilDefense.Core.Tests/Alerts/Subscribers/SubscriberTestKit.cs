using System.Security.Cryptography;
using CivilDefense.Core.Access;
using CivilDefense.Core.Alerts.Subscribers;

namespace CivilDefense.Core.Tests.Alerts.Subscribers;

/// <summary>Keeps what would have been sent, so a test can type the code as the resident would.</summary>
public sealed class CapturingSender : IConfirmationSender
{
    public List<ConfirmationMessage> Sent { get; } = [];

    public ConfirmationMessage Last => Sent[^1];

    public Task SendAsync(ConfirmationMessage message, CancellationToken ct)
    {
        Sent.Add(message);
        return Task.CompletedTask;
    }
}

internal static class SubscriberTestKit
{
    /// <summary>The public page's caller: no login, scoped to nothing.</summary>
    public static readonly Actor Public = new("anonymous", Role.Viewer, null, "/none/");

    public static SubscriberKeys NewKeys() => new(RandomNumberGenerator.GetBytes(32));

    public static RegisterSubscriber.Input Registration(string communeCode, string phone = "0912 345 678") =>
        new("Nguyễn Thị Lan", phone, null, "vi", communeCode, 11.31, 106.10);

    public static SubscriberInput Resident(int communeId, string name = "Trần Văn Bình", string phone = "0987 654 321") =>
        new(SubscriberKind.Resident, name, phone, "binh@example.vn", "vi", 11.2, 106.3, UnitId: communeId);

    public static SubscriberInput DutyContact(int organizationId, int order, string name = "Lê Văn Trực") =>
        new(SubscriberKind.DutyContact, name, "0276 3822 123", null, "vi", OrganizationId: organizationId, ContactOrder: order);
}
