using System.CommandLine;
using CivilDefense.Core.Access;
using CivilDefense.Core.Common;
using Microsoft.EntityFrameworkCore;

namespace CivilDefense.Cli.Verbs;

/// <summary>Creates a user through the same handler as the web form, acting as the system.</summary>
internal static class CreateUserVerb
{
    public static Command Create(CliConsole console)
    {
        var userName = new Option<string>("--user-name") { Description = "The sign-in name.", Required = true };
        var role = new Option<Role>("--role") { Description = "Administrator, Commander, Officer, AgencyLiaison or Viewer.", Required = true };
        var unitCode = new Option<string>("--unit-code") { Description = "Official code of the unit whose subtree the user sees (e.g. 80).", Required = true };
        var displayName = new Option<string?>("--display-name") { Description = "Full name (default: the user name)." };
        var password = new Option<string?>("--password") { Description = "Initial password (default: generated and printed)." };
        var organization = new Option<int?>("--organization-id") { Description = "Organisation of an agency liaison." };
        var command = new Command("create-user", "Create a user; prints the generated password when none is given.")
        {
            userName, role, unitCode, displayName, password, organization,
        };
        command.WithDatabase();
        command.SetAction(async (parse, ct) =>
        {
            await using var db = CliDatabase.Open(CliDatabase.Resolve(parse));
            var code = parse.GetValue(unitCode)!.Trim();
            var day = DateOnly.FromDateTime(DateTime.UtcNow);
            var unitId = await db.Units.Where(u => u.Code == code && (u.ValidTo == null || u.ValidTo >= day)).Select(u => (int?)u.Id).FirstOrDefaultAsync(ct);
            if (unitId is null)
            {
                await console.Error.WriteLineAsync($"No current unit has the code {code}.");
                return 1;
            }

            var name = parse.GetValue(userName)!;
            var result = await new CreateUser(db).HandleAsync(
                new CreateUser.Input(name, parse.GetValue(displayName) ?? name, parse.GetValue(role), unitId.Value, parse.GetValue(organization), Password: parse.GetValue(password)),
                ct);
            if (!result.IsSuccess)
            {
                await CliErrors.WriteAsync(console, result.Error!);
                return 1;
            }

            await console.Out.WriteLineAsync($"Created user {result.Value!.User.UserName} ({result.Value.User.Role}, {result.Value.User.UnitName}).");
            if (result.Value.GeneratedPassword is { } generated)
            {
                await console.Out.WriteLineAsync($"Password: {generated}");
            }

            return 0;
        });
        return command;
    }
}

/// <summary>A handler's error on stderr, with the fields it names, so scripts can log why a verb failed.</summary>
internal static class CliErrors
{
    public static async Task WriteAsync(CliConsole console, Error error)
    {
        await console.Error.WriteLineAsync(error.Message);
        foreach (var (field, messages) in error.FieldErrors ?? new Dictionary<string, string[]>())
        {
            await console.Error.WriteLineAsync($"  {field}: {string.Join(" ", messages)}");
        }
    }
}
