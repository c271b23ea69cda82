using System.Text;
using CivilDefense.Core.Alerts.Cap;

namespace CivilDefense.Core.Tests.Alerts.Cap;

public sealed class CapXmlSafetyTests
{
    [Fact]
    public void Billion_laughs_is_refused_for_its_dtd_before_any_expansion()
    {
        var xml = """
            <?xml version="1.0"?>
            <!DOCTYPE lolz [
              <!ENTITY lol "lol">
              <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
              <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
              <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
            ]>
            <alert xmlns="urn:oasis:names:tc:emergency:cap:1.2"><identifier>&lol4;</identifier></alert>
            """;

        var error = Assert.Throws<CapFormatException>(() => CapXml.Parse(xml));

        Assert.Contains("DTD", error.Message);
    }

    [Fact]
    public void External_entity_is_refused_and_the_file_is_never_read()
    {
        var secret = Path.GetTempFileName();
        File.WriteAllText(secret, "TOP-SECRET");
        var xml = $"""
            <?xml version="1.0"?>
            <!DOCTYPE alert [ <!ENTITY xxe SYSTEM "{new Uri(secret)}"> ]>
            <alert xmlns="urn:oasis:names:tc:emergency:cap:1.2"><identifier>&xxe;</identifier></alert>
            """;

        var error = Assert.Throws<CapFormatException>(() => CapDocument.Load(Encoding.UTF8.GetBytes(xml)));

        Assert.DoesNotContain("TOP-SECRET", error.ToString());
        Assert.Contains("DTD", error.Message);
        File.Delete(secret);
    }

    [Fact]
    public void A_document_deeper_than_the_limit_is_refused_with_a_clear_error()
    {
        var deep = new StringBuilder("<alert xmlns='urn:oasis:names:tc:emergency:cap:1.2'>");
        for (var i = 0; i < 40; i++)
        {
            deep.Append("<note>");
        }

        for (var i = 0; i < 40; i++)
        {
            deep.Append("</note>");
        }

        deep.Append("</alert>");

        var error = Assert.Throws<CapFormatException>(() => CapXml.Parse(deep.ToString()));
        var shallowEnough = CapXml.Parse(deep.ToString(), new CapReadOptions { MaxDepth = 64 });

        Assert.Contains("deeper than 32", error.Message);
        Assert.NotNull(shallowEnough.Root);
    }

    [Fact]
    public void A_document_over_the_size_limit_is_refused_from_bytes_and_from_a_stream()
    {
        var big = CapWriter.ToBytes(CapSamples.Alert());
        var options = new CapReadOptions { MaxBytes = big.Length - 1 };

        var fromBytes = Assert.Throws<CapFormatException>(() => CapXml.Load(big, options));
        var fromStream = Assert.Throws<CapFormatException>(() => CapXml.Load(new MemoryStream(big), options));
        var fits = CapXml.Load(new MemoryStream(big), new CapReadOptions { MaxBytes = big.Length });

        Assert.Contains("larger than", fromBytes.Message);
        Assert.Contains("larger than", fromStream.Message);
        Assert.NotNull(fits.Root);
    }

    [Fact]
    public void Not_well_formed_xml_is_a_format_error_with_the_parser_reason()
    {
        var error = Assert.Throws<CapFormatException>(() => CapXml.Parse("<alert><identifier>x</alert>"));

        Assert.StartsWith("Not well-formed XML", error.Message);
    }
}
