using CivilDefense.Core.Access;
using CivilDefense.Core.Alerts.Cap;
using CivilDefense.Core.Alerts.Feeds;
using CivilDefense.Core.Alerts.Issuing;
using CivilDefense.Core.Data;
using CivilDefense.Core.Tests.TestSupport;

namespace CivilDefense.Core.Tests.Alerts.Dissemination;

public sealed class RelayDisseminationTests
{
    [Theory, OnSqlite, OnPostgres]
    public async Task ARelayedNeighbourAlert_IsDeliveredLikeAnyIssuedAlert_ToTheCommunesItNames(DatabaseProvider provider)
    {
        await using var kit = await DisseminationTestKit.CreateAsync(provider);
        var t = kit.Territory;
        var inB = await kit.SubscriberAsync("B", t.CommuneB, "en", email: "b@example.vn");
        await kit.SubscriberAsync("A", t.CommuneA, "vi", phone: "+84901000001");
        int receivedId;
        await using (var db = kit.Database.Context(Actor.System))
        {
            var feed = new NeighbourFeed { UnitId = t.Province.Id, Name = "Neighbour", Url = "https://neighbour.example.kh/cap.atom" };
            db.NeighbourFeeds.Add(feed);
            await db.SaveChangesAsync();
            var received = new ReceivedAlert
            {
                FeedId = feed.Id,
                UnitId = t.Province.Id,
                Sender = "cap@neighbour.example.kh",
                Identifier = "NB-2026-001",
                SentText = "2026-10-14T07:30:00+07:00",
                SentKey = "2026-10-14T00:30:00Z",
                Hazard = PtdsHazard.Flood,
                RiskLevel = 3,
                AreasJson = AlertJson.Write(new AlertAreaSet { Description = "Border communes", Units = [new AlertUnit(0, t.CommuneB.Code, "Xã B")] }),
                TextsJson = AlertJson.Write(new AlertTexts
                {
                    ByLanguage = new Dictionary<string, AlertText>
                    {
                        ["vi-VN"] = new("Lũ từ thượng nguồn", "Nước lũ từ thượng nguồn đang về."),
                        ["en-US"] = new("Flood from upstream", "Flood water is coming from upstream."),
                    },
                }),
                CapXml = "<alert/>",
                SourceUrl = "https://neighbour.example.kh/cap/NB-2026-001.xml",
                ReceivedAt = DateTime.UtcNow,
            };
            db.ReceivedAlerts.Add(received);
            await db.SaveChangesAsync();
            receivedId = received.Id;
        }

        int issuedId;
        await using (var db = kit.Database.Context(kit.Commander))
        {
            var desk = kit.Desk(db);
            var draft = await desk.RelayAsync(receivedId, CancellationToken.None);
            var issued = await desk.IssueAsync(draft.Value!.Id, DisseminationTestKit.PublicBase, CancellationToken.None);
            Assert.True(issued.IsSuccess, issued.Error?.Message);
            issuedId = issued.Value!.Id;
        }

        Assert.Equal([(inB.Id, "email", "en-US", "b@example.vn")], await kit.DeliveriesAsync(issuedId));
        Assert.Equal("Flood from upstream", Assert.Single(await kit.MessagesAsync(issuedId)).Subject);
    }
}
