using CivilDefense.Core.Access;
using CivilDefense.Core.Data;
using CivilDefense.Core.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace CivilDefense.Core.Tests.Access;

public sealed class SignInTests
{
    private const string Password = "dung-mat-khau-roi";

    [Theory]
    [OnSqlite]
    [OnPostgres]
    public async Task Right_password_signs_in_and_resets_the_failure_count(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var clock = new ManualClock(new DateTimeOffset(2025, 7, 1, 8, 0, 0, TimeSpan.Zero));
        var (t, user) = await SeedUserAsync(database);
        await using var db = database.Context(Actor.System, clock);
        var signIn = new SignIn(db);

        Assert.IsType<SignIn.BadCredentials>((await signIn.HandleAsync(new("canbo.a", "wrong-password"), default)).Error);
        var result = await signIn.HandleAsync(new(" canbo.a ", Password), default);

        Assert.True(result.IsSuccess);
        Assert.Equal(user.Id, result.Value!.UserId);
        Assert.Equal(t.CommuneA.Path, result.Value.UnitPath);
        var stored = await db.Users.AsNoTracking().SingleAsync(u => u.Id == user.Id);
        Assert.Equal(0, stored.FailedLoginCount);
        Assert.Equal(clock.Now.UtcDateTime, stored.LastLoginAt);
    }

    [Theory]
    [OnSqlite]
    [OnPostgres]
    public async Task Unknown_user_and_wrong_password_get_the_same_answer(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await SeedUserAsync(database);
        await using var db = database.Context(Actor.System);
        var signIn = new SignIn(db);

        var unknown = (await signIn.HandleAsync(new("nobody", Password), default)).Error;
        var wrong = (await signIn.HandleAsync(new("canbo.a", "not-the-password"), default)).Error;

        Assert.IsType<SignIn.BadCredentials>(unknown);
        Assert.Equal(unknown, wrong);
    }

    [Theory]
    [OnSqlite]
    [OnPostgres]
    public async Task Fifth_failure_locks_the_account_for_a_while(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var clock = new ManualClock(new DateTimeOffset(2025, 7, 1, 8, 0, 0, TimeSpan.Zero));
        await SeedUserAsync(database);
        await using var db = database.Context(Actor.System, clock);
        var signIn = new SignIn(db);

        for (var i = 1; i < User.MaxFailedLogins; i++)
        {
            Assert.IsType<SignIn.BadCredentials>((await signIn.HandleAsync(new("canbo.a", "wrong-" + i), default)).Error);
        }

        var locked = Assert.IsType<SignIn.LockedOut>((await signIn.HandleAsync(new("canbo.a", "wrong-5"), default)).Error);
        Assert.Equal(clock.Now.UtcDateTime + User.LockoutDuration, locked.Until);
        Assert.IsType<SignIn.LockedOut>((await signIn.HandleAsync(new("canbo.a", Password), default)).Error);

        clock.Advance(User.LockoutDuration + TimeSpan.FromSeconds(1));
        Assert.True((await signIn.HandleAsync(new("canbo.a", Password), default)).IsSuccess);
    }

    [Theory]
    [OnSqlite]
    [OnPostgres]
    public async Task Inactive_user_cannot_sign_in(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var (_, user) = await SeedUserAsync(database);
        await using var db = database.Context(Actor.System);
        (await db.Users.SingleAsync(u => u.Id == user.Id)).IsActive = false;
        await db.SaveChangesAsync();

        Assert.IsType<SignIn.BadCredentials>((await new SignIn(db).HandleAsync(new("canbo.a", Password), default)).Error);
    }

    private static async Task<(TestTerritory Territory, User User)> SeedUserAsync(TestDatabase database)
    {
        var t = await TestTerritory.SeedAsync(database);
        var user = new User { UserName = "canbo.a", DisplayName = "Cán bộ A", UnitId = t.CommuneA.Id, Role = Role.Officer };
        user.PasswordHash = Passwords.Hash(user, Password);
        await using var db = database.Context(Actor.System);
        db.Users.Add(user);
        await db.SaveChangesAsync();
        return (t, user);
    }
}
