using System.Text;

namespace CivilDefense.Core.Tests.Geography.Import;

internal static class ParserTestText
{
    public static MemoryStream Stream(string text) => new(Encoding.UTF8.GetBytes(text));
}
