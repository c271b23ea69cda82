using CivilDefense.Core.Alerts.Cap;

namespace CivilDefense.Cli.Verbs;

/// <summary>One `cap validate` run: loads each source, follows feed links, prints findings and keeps the counts.</summary>
internal sealed class CapValidationRun(TextWriter output, CapSourceFetcher fetcher, CapReadOptions options)
{
    /// <summary>Feeds are followed one level; a feed with thousands of entries is cut here.</summary>
    private const int MaxLinkedAlerts = 500;

    public int Documents { get; private set; }

    public int Errors { get; private set; }

    public int Warnings { get; private set; }

    public async Task ValidateSourceAsync(string source, CancellationToken ct)
    {
        Uri address;
        try
        {
            address = CapSourceFetcher.Locate(source);
        }
        catch (Exception e) when (e is UriFormatException or ArgumentException or NotSupportedException)
        {
            await FailAsync(source, $"not a file or URL: {e.Message}");
            return;
        }

        var document = await LoadAsync(source, address, ct);
        if (document is null)
        {
            return;
        }

        if (document.Kind == CapDocumentKind.Unknown)
        {
            await FailAsync(source, $"<{document.Xml.Root!.Name.LocalName}> is not a CAP alert, an EDXL-DE envelope or an Atom/RSS feed.");
            return;
        }

        await ReportAlertsAsync(source, document);
        if (document.Feed is { } feed)
        {
            await FollowFeedAsync(source, address, feed, ct);
        }
    }

    private async Task FollowFeedAsync(string source, Uri address, CapFeed feed, CancellationToken ct)
    {
        var followed = 0;
        for (var i = 0; i < feed.Entries.Count; i++)
        {
            var entry = feed.Entries[i];
            var label = $"{source} {(feed.Kind == CapFeedKind.Atom ? "entry" : "item")}[{i + 1}]";
            if (entry.EmbeddedAlert is not null)
            {
                continue;
            }

            if (entry.AlertLink is not { IsAbsoluteUri: true } link)
            {
                await FailAsync(label, "the entry neither links to a CAP document nor embeds one.");
                continue;
            }

            if (!CapSourceFetcher.MayFollow(address, link))
            {
                await FailAsync(label, $"link {link} is not followed from a feed at {address.Scheme}:.");
                continue;
            }

            if (++followed > MaxLinkedAlerts)
            {
                await output.WriteLineAsync($"== {source}: more than {MaxLinkedAlerts} linked alerts; the rest are not checked.");
                return;
            }

            var document = await LoadAsync($"{label} {link}", link, ct);
            if (document is null)
            {
                continue;
            }

            if (document.Kind is not (CapDocumentKind.Alert or CapDocumentKind.EdxlDistribution))
            {
                await FailAsync($"{label} {link}", "the linked document is not a CAP alert or EDXL-DE envelope.");
                continue;
            }

            await ReportAlertsAsync($"{label} {link}", document);
        }
    }

    private async Task<CapDocument?> LoadAsync(string label, Uri address, CancellationToken ct)
    {
        var (data, problem) = await fetcher.FetchAsync(address, ct);
        if (data is null)
        {
            await FailAsync(label, $"cannot read: {problem}");
            return null;
        }

        try
        {
            return CapDocument.Load(data, address, options);
        }
        catch (CapFormatException e)
        {
            await FailAsync(label, e.Message);
            return null;
        }
    }

    private async Task ReportAlertsAsync(string label, CapDocument document)
    {
        if (document.Kind == CapDocumentKind.EdxlDistribution && document.Alerts.Count == 0)
        {
            await FailAsync(label, "the EDXL-DE envelope carries no CAP alert in embeddedXMLContent.");
        }

        foreach (var embedded in document.Alerts)
        {
            var reading = CapReading.Of(embedded.Element, options);
            Documents++;
            var where = document.Kind == CapDocumentKind.Alert ? label : $"{label} {embedded.Location}";
            var who = reading.Alert is { } alert ? $"{alert.Sender} {alert.Identifier} {alert.MessageType}" : "unreadable";
            await output.WriteLineAsync($"== {where}  ({who}; {reading.Signature.Message})");
            foreach (var finding in reading.Findings)
            {
                await output.WriteLineAsync("  " + finding);
                Count(finding.Severity);
            }

            if (reading.Findings.Count == 0)
            {
                await output.WriteLineAsync("  valid");
            }
        }
    }

    private async Task FailAsync(string label, string message)
    {
        Count(CapFindingSeverity.Error);
        await output.WriteLineAsync($"== {label}");
        await output.WriteLineAsync($"  error  /  [cap.document]  {message}");
    }

    private void Count(CapFindingSeverity severity)
    {
        if (severity == CapFindingSeverity.Error)
        {
            Errors++;
        }
        else
        {
            Warnings++;
        }
    }
}
