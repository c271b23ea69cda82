using System.Globalization;
using System.Text;
using CsvHelper;
using Microsoft.AspNetCore.Mvc;

namespace CivilDefense.Web.Platform;

/// <summary>Tables export as CSV in UTF-8 with a BOM, so Excel shows Vietnamese names correctly.</summary>
public static class CsvExport
{
    public static FileContentResult File<T>(IEnumerable<T> rows, string fileName)
    {
        using var buffer = new MemoryStream();
        using (var writer = new StreamWriter(buffer, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), leaveOpen: true))
        using (var csv = new CsvWriter(writer, CultureInfo.InvariantCulture))
        {
            csv.WriteRecords(rows);
        }

        return new FileContentResult(buffer.ToArray(), "text/csv; charset=utf-8") { FileDownloadName = fileName };
    }
}
