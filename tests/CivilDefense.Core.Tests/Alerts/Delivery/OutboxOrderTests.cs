using CivilDefense.Core.Alerts.Delivery;

namespace CivilDefense.Core.Tests.Alerts.Delivery;

/// <summary>The write order of an alert's deliveries: by partition, then recipient; each (recipient, channel) once.</summary>
public sealed class OutboxOrderTests
{
    private static readonly IReadOnlySet<(Guid, string)> Nothing = new HashSet<(Guid, string)>();

    [Fact]
    public void Order_IsByPartitionThenRecipient_AndKeepsTheFirstOfRepeats()
    {
        var random = new Random(7);
        var requests = new List<DeliveryRequest>();
        for (var i = 0; i < 5_000; i++)
        {
            var id = NewId(random);
            requests.Add(Request(id, "sms", "+84" + i));
            if (i % 10 == 0)
            {
                requests.Add(Request(id, "email", "p" + i + "@example.vn"));
            }

            if (i % 17 == 0)
            {
                requests.Add(Request(id, "sms", "repeat of " + i)); // the same (recipient, channel) again: dropped
            }
        }

        var order = OutboxOrder.Of(requests, OutboxPartitions.Count, OutboxPartitions.Of, Nothing);

        var written = order.Positions.Select(p => requests[p]).ToList();
        Assert.Equal(5_500, order.Count);
        Assert.Equal(written.Count, written.Select(r => (r.RecipientId, r.Channel)).Distinct().Count());
        Assert.DoesNotContain(written, r => r.Address.StartsWith("repeat", StringComparison.Ordinal));
        Assert.Equal(5_000, order.Channels["sms"]);
        Assert.Equal(500, order.Channels["email"]);
        for (var p = 0; p < OutboxPartitions.Count; p++)
        {
            var part = written.Skip(order.PartitionStarts[p]).Take(order.PartitionStarts[p + 1] - order.PartitionStarts[p]).ToList();
            Assert.All(part, r => Assert.Equal(p, OutboxPartitions.Of(r.RecipientId)));
            Assert.Equal(part.Select(r => r.RecipientId).Order(), part.Select(r => r.RecipientId));
        }
    }

    [Fact]
    public void RecipientsAlikeInTheirLeadingBytes_AreOrderedByTheWholeId_AndRequestsByPosition()
    {
        // The same first 8 bytes: the sort key cannot tell them apart, the second pass must.
        var high = new Guid("0a0b0c0d-0e0f-4011-9999-000000000003");
        var low = new Guid("0a0b0c0d-0e0f-4011-9999-000000000001");
        var requests = new List<DeliveryRequest>
        {
            Request(high, "sms", "a"),
            Request(low, "sms", "b"),
            Request(high, "email", "c"),
            Request(low, "sms", "d"), // a repeat of b
        };

        var order = OutboxOrder.Of(requests, 1, _ => 0, Nothing);

        Assert.Equal(["b", "a", "c"], order.Positions.Select(p => requests[p].Address));
        Assert.Equal([0, 3], order.PartitionStarts);
    }

    [Fact]
    public void WhatIsAlreadyQueued_IsLeftOut()
    {
        var first = Guid.NewGuid();
        var second = Guid.NewGuid();
        var requests = new List<DeliveryRequest> { Request(first, "sms", "1"), Request(second, "sms", "2"), Request(second, "email", "3") };

        var order = OutboxOrder.Of(requests, 1, _ => 0, new HashSet<(Guid, string)> { (second, "sms") });

        Assert.Equal(["1", "3"], order.Positions.Select(p => requests[p].Address).Order());
        Assert.Equal(1, order.Channels["sms"]);
    }

    [Fact]
    public void MorePartitionsThanTheKeyHolds_AreRefused() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => OutboxOrder.Of([], 17, _ => 0, Nothing));

    private static DeliveryRequest Request(Guid id, string channel, string address) => new(id, channel, address, "vi-VN", null);

    private static Guid NewId(Random random)
    {
        var bytes = new byte[16];
        random.NextBytes(bytes);
        return new Guid(bytes);
    }
}
