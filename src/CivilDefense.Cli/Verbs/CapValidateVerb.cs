using System.CommandLine;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using CivilDefense.Core.Alerts.Cap;

namespace CivilDefense.Cli.Verbs;

/// <summary>
/// `cap validate FILE|URL...`: judges CAP 1.2 alerts as they come — a bare alert, an EDXL-DE
/// envelope, or an Atom/RSS feed whose linked alerts are fetched relative to the feed — and
/// prints every finding (path, rule, message). Exit code 1 when any error, so scripts can gate on it.
/// </summary>
internal static class CapValidateVerb
{
    public static Command Create(CliConsole console)
    {
        var sources = new Argument<string[]>("sources") { Description = "Files or http(s) URLs of alerts, EDXL-DE envelopes or Atom/RSS feeds.", Arity = ArgumentArity.OneOrMore };
        var certificates = new Option<FileInfo[]>("--trusted-cert") { Description = "A certificate (PEM or DER) trusted to sign alerts; repeatable.", AllowMultipleArgumentsPerToken = true };
        var keys = new Option<FileInfo[]>("--trusted-key") { Description = "A PEM public key (RSA or EC) trusted to sign alerts; repeatable.", AllowMultipleArgumentsPerToken = true };
        var maxBytes = new Option<int>("--max-bytes") { Description = "Largest document accepted.", DefaultValueFactory = _ => CapReadOptions.Default.MaxBytes };
        var validate = new Command("validate", "Validate CAP 1.2 alerts, EDXL-DE envelopes and alert feeds against the schema and the standard's rules.") { sources, certificates, keys, maxBytes };
        validate.SetAction(async (parse, ct) =>
        {
            CapReadOptions options;
            try
            {
                options = new CapReadOptions
                {
                    MaxBytes = parse.GetValue(maxBytes),
                    TrustedCertificates = [.. (parse.GetValue(certificates) ?? []).Select(f => X509CertificateLoader.LoadCertificateFromFile(f.FullName))],
                    TrustedKeys = [.. (parse.GetValue(keys) ?? []).Select(f => LoadKey(File.ReadAllText(f.FullName)))],
                };
            }
            catch (Exception e) when (e is IOException or CryptographicException or ArgumentException or UnauthorizedAccessException)
            {
                await console.Error.WriteLineAsync($"Cannot load a trusted certificate or key: {e.Message}");
                return 2;
            }

            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
            var run = new CapValidationRun(console.Out, new CapSourceFetcher(http, options.MaxBytes), options);
            foreach (var source in parse.GetValue(sources) ?? [])
            {
                await run.ValidateSourceAsync(source, ct);
            }

            await console.Out.WriteLineAsync($"{run.Documents} alert(s) checked: {run.Errors} error(s), {run.Warnings} warning(s).");
            return run.Errors > 0 ? 1 : 0;
        });
        return new Command("cap", "OASIS CAP 1.2 alerts.") { validate };
    }

    private static AsymmetricAlgorithm LoadKey(string pem)
    {
        try
        {
            var rsa = RSA.Create();
            rsa.ImportFromPem(pem);
            return rsa;
        }
        catch (ArgumentException)
        {
            var ec = ECDsa.Create();
            ec.ImportFromPem(pem);
            return ec;
        }
    }
}
