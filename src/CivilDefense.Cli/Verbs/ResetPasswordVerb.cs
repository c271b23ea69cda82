using System.CommandLine;
using CivilDefense.Core.Access;

namespace CivilDefense.Cli.Verbs;

/// <summary>The way back in when the last administrator forgot their password: a new one, printed, and the account unlocked.</summary>
internal static class ResetPasswordVerb
{
    public static Command Create(CliConsole console)
    {
        var userName = new Option<string>("--user-name") { Description = "The sign-in name.", Required = true };
        var command = new Command("reset-password", "Give a user a new generated password (printed) and unlock the account.") { userName };
        command.WithDatabase();
        command.SetAction(async (parse, ct) =>
        {
            await using var db = CliDatabase.Open(CliDatabase.Resolve(parse));
            var result = await new ManageUserAccount(db).ResetPasswordAsync(parse.GetValue(userName)!, ct);
            if (!result.IsSuccess)
            {
                await CliErrors.WriteAsync(console, result.Error!);
                return 1;
            }

            await console.Out.WriteLineAsync($"New password for {result.Value!.UserName}: {result.Value.Password}");
            return 0;
        });
        return command;
    }
}
