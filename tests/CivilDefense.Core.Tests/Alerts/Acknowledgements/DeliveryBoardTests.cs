using CivilDefense.Core.Access;
using CivilDefense.Core.Alerts.Acknowledgements;
using CivilDefense.Core.Common;
using CivilDefense.Core.Data;
using CivilDefense.Core.Tests.TestSupport;

namespace CivilDefense.Core.Tests.Alerts.Acknowledgements;

public sealed class DeliveryBoardTests
{
    [Theory, OnSqlite, OnPostgres]
    public async Task Board_CountsStatesByChannelAndCommune_WithAcknowledgements_ScopedToTheViewer(DatabaseProvider provider)
    {
        await using var kit = await AcknowledgementTestKit.CreateAsync(provider);
        var alert = await kit.IssuedAlertAsync();
        var a1 = await kit.ContactAsync(kit.Territory.OrgA, kit.Territory.CommuneA, 1);
        var a2 = await kit.ContactAsync(kit.Territory.OrgA2, kit.Territory.CommuneA, 1);
        var b1 = await kit.ContactAsync(kit.Territory.OrgB, kit.Territory.CommuneB, 1);
        var b2 = await kit.ContactAsync(kit.Territory.OrgB, kit.Territory.CommuneB, 2);
        await kit.QueueAsync(alert, a1, a2, b1, b2);
        await SetStateAsync(kit, b1, "Sent");
        await SetStateAsync(kit, b2, "Dead");
        await SetStateAsync(kit, a2, "Failed");
        await using (var db = kit.Context(new Actor("public", Role.Viewer, null, "/none/")))
        {
            await new AcknowledgeAlert(db, kit.Keys).ByLinkAsync(kit.Keys.AcknowledgeToken(alert, b1), default);
        }

        await using (var db = kit.Context(TestTerritory.ActorAt(kit.Territory.Province, Role.Officer)))
        {
            var board = (await new DeliveryBoard(db).HandleAsync(alert, default)).Value!;
            Assert.Equal(new BoardCounts(4, 1, 2, 1, 1), board.Totals);
            Assert.Equal(4, board.Recipients);
            Assert.Equal(1, board.OrganizationsAcknowledged);
            Assert.Equal("UBND xã B", Assert.Single(board.Acknowledgements).OrganizationName);
            Assert.Equal(new BoardCounts(2, 0, 1, 1, 0), board.ByCommune.Single(c => c.Name == "Xã A").Counts);
            Assert.Equal(new BoardCounts(2, 1, 1, 0, 1), board.ByCommune.Single(c => c.Name == "Xã B").Counts);
            Assert.Equal(board.Totals, Assert.Single(board.ByChannel).Counts);
        }

        // A commune officer does not cover the province that issued it.
        await using (var db = kit.Context(TestTerritory.ActorAt(kit.Territory.CommuneA, Role.Officer)))
        {
            Assert.IsType<NotFoundError>((await new DeliveryBoard(db).HandleAsync(alert, default)).Error);
        }
    }

    private static Task SetStateAsync(AcknowledgementTestKit kit, int subscriberId, string state)
    {
        var recipient = DeliveryIdentities.RecipientId(subscriberId);
        var value = kit.Database.Provider == DatabaseProvider.Postgres ? $"'{recipient}'" : $"'{recipient.ToString().ToUpperInvariant()}'";
        return kit.Database.ExecuteSqlAsync($"UPDATE deliveries SET \"State\" = '{state}' WHERE \"RecipientId\" = {value}");
    }
}
