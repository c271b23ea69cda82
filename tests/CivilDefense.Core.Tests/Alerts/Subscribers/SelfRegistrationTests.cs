using CivilDefense.Core.Access;
using CivilDefense.Core.Alerts.Subscribers;
using CivilDefense.Core.Alerts.Targeting;
using CivilDefense.Core.Common;
using CivilDefense.Core.Data;
using CivilDefense.Core.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using static CivilDefense.Core.Tests.Alerts.Subscribers.SubscriberTestKit;

namespace CivilDefense.Core.Tests.Alerts.Subscribers;

public sealed class SelfRegistrationTests
{
    [Theory]
    [OnSqlite]
    [OnPostgres]
    public async Task Register_ThenConfirm_MakesARecipientOnlyAfterTheCode(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var t = await TestTerritory.SeedAsync(database);
        var keys = NewKeys();
        var sender = new CapturingSender();
        var cache = new SubscriberIndexCache();

        await using (var db = database.Context(Public))
        {
            var registered = await new RegisterSubscriber(db, keys, sender).HandleAsync(Registration(t.CommuneA.Code), CancellationToken.None);
            Assert.True(registered.IsSuccess, registered.Error?.Message);
        }

        var id = sender.Last.SubscriberId;
        await using (var db = database.Context(Actor.System))
        {
            var stored = await db.Subscribers.SingleAsync(s => s.Id == id);
            Assert.Equal((SubscriberStatus.Pending, t.CommuneA.Id), (stored.Status, stored.UnitId));
            Assert.DoesNotContain(sender.Last.Code, stored.ConfirmationHash!);
            Assert.Empty((await cache.CurrentAsync(db, CancellationToken.None)).Find(AlertArea.Of(geocodes: [t.CommuneA.Code])).ToArray());
        }

        await using (var db = database.Context(Public))
        {
            var wrong = await new ConfirmSubscription(db, keys).HandleAsync(new(id, sender.Last.Code == "000000" ? "111111" : "000000"), CancellationToken.None);
            Assert.IsType<ValidationError>(wrong.Error);
            var right = await new ConfirmSubscription(db, keys).HandleAsync(new(id, sender.Last.Code), CancellationToken.None);
            Assert.True(right.IsSuccess);
            var again = await new ConfirmSubscription(db, keys).HandleAsync(new(id, sender.Last.Code), CancellationToken.None);
            Assert.True(again.IsSuccess);
        }

        await using (var db = database.Context(Actor.System))
        {
            Assert.Equal([id], (await cache.CurrentAsync(db, CancellationToken.None)).Find(AlertArea.Of(geocodes: [t.CommuneA.Code])).ToArray());
            var audit = await db.AuditEntries.Where(a => a.EntityType == nameof(Subscriber) && a.EntityId == id.ToString()).ToListAsync();
            Assert.True(audit.Count >= 4, $"{audit.Count} audit entries"); // created, code set, wrong try, confirmed
            Assert.All(audit, a => Assert.Equal(t.CommuneA.Id, a.UnitId));
            Assert.All(audit, a => Assert.DoesNotMatch("\"ConfirmationHash\":\"[0-9a-f]{64}\"", a.After ?? ""));
        }
    }

    [Theory]
    [OnSqlite]
    [OnPostgres]
    public async Task Confirm_FiveWrongCodesOrExpiry_VoidTheCode(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var t = await TestTerritory.SeedAsync(database);
        var keys = NewKeys();
        var sender = new CapturingSender();
        var clock = new ManualClock(new DateTimeOffset(2026, 12, 3, 8, 0, 0, TimeSpan.Zero));
        await using var db = database.Context(Public, clock);
        await new RegisterSubscriber(db, keys, sender).HandleAsync(Registration(t.CommuneA.Code), CancellationToken.None);
        var (id, code) = (sender.Last.SubscriberId, sender.Last.Code);
        var wrongCode = code == "123456" ? "654321" : "123456";
        for (var i = 0; i < ConfirmSubscription.MaxAttempts; i++)
        {
            Assert.IsType<ValidationError>((await new ConfirmSubscription(db, keys).HandleAsync(new(id, wrongCode), CancellationToken.None)).Error);
        }

        Assert.IsType<ValidationError>((await new ConfirmSubscription(db, keys).HandleAsync(new(id, code), CancellationToken.None)).Error);

        // Registering again while pending re-issues a code on the same record; it then expires after a day.
        await new RegisterSubscriber(db, keys, sender).HandleAsync(Registration(t.CommuneA.Code), CancellationToken.None);
        Assert.Equal(id, sender.Last.SubscriberId);
        clock.Advance(RegisterSubscriber.CodeLifetime + TimeSpan.FromMinutes(1));
        Assert.IsType<ValidationError>((await new ConfirmSubscription(db, keys).HandleAsync(new(id, sender.Last.Code), CancellationToken.None)).Error);
        Assert.Equal(1, await db.Subscribers.IgnoreQueryFilters().CountAsync());
    }

    [Theory]
    [OnSqlite]
    [OnPostgres]
    public async Task Register_InvalidInput_IsRefusedWithTheField(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var t = await TestTerritory.SeedAsync(database);
        await using var db = database.Context(Public);
        var register = new RegisterSubscriber(db, NewKeys(), new CapturingSender());

        var noChannel = await register.HandleAsync(Registration(t.CommuneA.Code) with { Phone = null }, CancellationToken.None);
        var province = await register.HandleAsync(Registration(t.Province.Code), CancellationToken.None);
        var halfLocation = await register.HandleAsync(Registration(t.CommuneA.Code) with { Longitude = null }, CancellationToken.None);
        var language = await register.HandleAsync(Registration(t.CommuneA.Code) with { Language = "fr" }, CancellationToken.None);

        Assert.Contains("phone", noChannel.Error!.FieldErrors!.Keys);
        Assert.Contains(nameof(RegisterSubscriber.Input.CommuneCode), province.Error!.FieldErrors!.Keys);
        Assert.Contains("longitude", halfLocation.Error!.FieldErrors!.Keys);
        Assert.Contains(nameof(RegisterSubscriber.Input.Language), language.Error!.FieldErrors!.Keys);
        Assert.Equal(0, await db.Subscribers.IgnoreQueryFilters().CountAsync());
    }

    [Theory]
    [OnSqlite]
    [OnPostgres]
    public async Task Unsubscribe_SignedLink_AlwaysWorksAndIsIdempotent(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var t = await TestTerritory.SeedAsync(database);
        var keys = NewKeys();
        int id;
        await using (var officer = database.Context(TestTerritory.ActorAt(t.CommuneA, Role.Officer)))
        {
            id = (await new CreateSubscriber(officer).HandleAsync(Resident(t.CommuneA.Id), CancellationToken.None)).Value!.Id;
        }

        await using (var db = database.Context(Public))
        {
            var token = keys.UnsubscribeToken(id);
            Assert.True((await new Unsubscribe(db, keys).HandleAsync(token, CancellationToken.None)).IsSuccess);
            Assert.True((await new Unsubscribe(db, keys).HandleAsync(token, CancellationToken.None)).IsSuccess);
            Assert.IsType<NotFoundError>((await new Unsubscribe(db, keys).HandleAsync(id + "." + token[(token.IndexOf('.') + 1)..^1] + "x", CancellationToken.None)).Error);
            Assert.IsType<NotFoundError>((await new Unsubscribe(db, keys).HandleAsync(keys.UnsubscribeToken(id)[..^2], CancellationToken.None)).Error);
            Assert.IsType<NotFoundError>((await new Unsubscribe(db, NewKeys()).HandleAsync(token, CancellationToken.None)).Error);
        }

        await using (var officer = database.Context(TestTerritory.ActorAt(t.CommuneA, Role.Officer)))
        {
            var stored = await officer.Subscribers.SingleAsync(s => s.Id == id);
            Assert.Equal(SubscriberStatus.Unsubscribed, stored.Status);
            var reactivate = await new SetSubscriberActive(officer).HandleAsync(id, true, stored.Version, CancellationToken.None);
            Assert.IsType<ValidationError>(reactivate.Error);
        }
    }

    [Theory]
    [OnSqlite]
    [OnPostgres]
    public async Task Public_CannotWriteAnythingButItsOwnSubscription(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var t = await TestTerritory.SeedAsync(database);
        await using var db = database.Context(Public);

        db.Subscribers.Add(new Subscriber { Name = "Đã xác nhận sẵn", Phone = "0900000000", UnitId = t.CommuneA.Id, Status = SubscriberStatus.Active, Origin = SubscriberOrigin.SelfRegistered });
        await Assert.ThrowsAsync<AccessDeniedException>(() => db.SaveChangesAsync());
        db.ChangeTracker.Clear();

        await using (var system = database.Context(Actor.System))
        {
            system.Subscribers.Add(new Subscriber { Name = "Cư dân", Phone = "0900000001", UnitId = t.CommuneA.Id, Status = SubscriberStatus.Pending, Origin = SubscriberOrigin.SelfRegistered });
            await system.SaveChangesAsync();
        }

        var pending = await db.Subscribers.IgnoreQueryFilters().SingleAsync();
        pending.Phone = "0911111111";
        await Assert.ThrowsAsync<AccessDeniedException>(() => db.SaveChangesAsync());
    }
}
