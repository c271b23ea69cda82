using System.Text;
using CivilDefense.Core.Common;
using CivilDefense.Core.Monitoring;

namespace CivilDefense.Core.Tests.Monitoring;

public sealed class ObservationJsonTests
{
    private static Result<ObservationColumns> Parse(string json, int maxItems = IngestObservations.MaxItems) =>
        ObservationJson.Parse(Encoding.UTF8.GetBytes(json), maxItems);

    private static ObservationColumns Items(params string[] items) =>
        Parse("{\"observations\":[" + string.Join(",", items) + "]}").Value!;

    private static ObservationRejection Rejection(ObservationColumns batch, int index) =>
        Assert.Single(batch.Rejections, r => r.Index == index);

    [Fact]
    public void Parse_AGatewayBatch_ReadsEveryColumn()
    {
        var batch = Items(
            """{"station":"MOC-HOA","time":"2025-10-01T07:05:00+07:00","variable":"WaterLevel","value":1.25}""",
            """{"value":0,"variable":"Rainfall","time":"2025-10-01T00:05:00Z","station":"MOC-HOA"}""",
            """{"Station":"TAN-AN","TIME":"2025-10-01T00:10:00.5Z","variable":"salinity","value":-2E-1}""");

        Assert.Equal(3, batch.Count);
        Assert.Equal(0, batch.RejectedCount);
        Assert.Equal(["MOC-HOA", "TAN-AN"], batch.Codes);
        Assert.Equal([0, 0, 1], Enumerable.Range(0, 3).Select(batch.CodeOf));
        var fivePast = new DateTime(2025, 10, 1, 0, 5, 0, DateTimeKind.Utc);
        Assert.Equal([fivePast, fivePast, fivePast.AddSeconds(300.5)], Enumerable.Range(0, 3).Select(batch.At));
        Assert.Equal([StationVariable.WaterLevel, StationVariable.Rainfall, StationVariable.Salinity], Enumerable.Range(0, 3).Select(batch.Variable));
        Assert.Equal([1.25, 0, -0.2], Enumerable.Range(0, 3).Select(batch.Value));
    }

    [Fact]
    public void Parse_EscapedStrings_AreReadAsTheirText()
    {
        var batch = Items("""{"station":"M\u004FC-HOA","time":"2025-10-01T00:05:00\u005A","variable":"Water\u004Cevel","value":1}""");

        Assert.Equal(0, batch.RejectedCount);
        Assert.Equal(["MOC-HOA"], batch.Codes);
        Assert.Equal(StationVariable.WaterLevel, batch.Variable(0));
    }

    [Fact]
    public void Parse_AByteOrderMarkAndFinerThanMicroseconds_AreAccepted()
    {
        var batch = ObservationJson.Parse([0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes("{\"observations\":[{\"station\":\"A\",\"time\":\"2025-10-01T00:05:00.1234567Z\",\"variable\":\"Wind\",\"value\":3}]}")], 10).Value!;

        Assert.Equal(0, batch.RejectedCount);
        Assert.Equal(new DateTime(2025, 10, 1, 0, 5, 0, DateTimeKind.Utc).AddTicks(1_234_560), batch.At(0));
    }

    [Theory]
    [InlineData("", "not valid JSON")]
    [InlineData("[]", "must be a JSON object")]
    [InlineData("{\"observations\":[{\"station\":\"A\"", "not valid JSON")]
    [InlineData("{\"observations\":[]} trailing", "not valid JSON")]
    [InlineData("{\"observations\":[{\"station\":\"A\",}]}", "not valid JSON")]
    [InlineData("{\"observations\":{}}", "must be an array")]
    [InlineData("{\"observations\":null}", "must be an array")]
    [InlineData("{}", "is required")]
    [InlineData("{\"observations\":[],\"observations\":[]}", "appears twice")]
    [InlineData("{\"observation\":[]}", "Unknown field 'observation'")]
    public void Parse_ABodyThatIsNotABatch_IsRefusedAsAWhole(string json, string expected)
    {
        var result = Parse(json);

        var error = Assert.IsType<ValidationError>(result.Error);
        Assert.Contains(expected, error.Message);
        Assert.True(error.FieldErrors!.ContainsKey("observations"));
    }

    [Fact]
    public void Parse_MalformedJson_NamesThePositionOfTheFault()
    {
        var error = Parse("{\"observations\":[\n{\"station\":\"A\" \"time\":\"x\"}]}").Error!;

        Assert.Contains("LineNumber: 1", error.Message);
    }

    [Fact]
    public void Parse_MoreItemsThanAllowed_IsRefused()
    {
        var item = """{"station":"A","time":"2025-10-01T00:05:00Z","variable":"WaterLevel","value":1}""";

        Assert.True(Parse("{\"observations\":[" + string.Join(",", Enumerable.Repeat(item, 3)) + "]}", maxItems: 3).IsSuccess);
        Assert.Contains("at most 3", Parse("{\"observations\":[" + string.Join(",", Enumerable.Repeat(item, 4)) + "]}", maxItems: 3).Error!.Message);
    }

    [Fact]
    public void Parse_FieldsOfTheWrongType_RejectTheirItemOnlyWithTheReason()
    {
        var batch = Items(
            """{"station":42,"time":"2025-10-01T00:05:00Z","variable":"WaterLevel","value":1}""",
            """{"station":"A","time":1759277100,"variable":"WaterLevel","value":1}""",
            """{"station":"A","time":"2025-10-01T00:05:00Z","variable":true,"value":1}""",
            """{"station":"A","time":"2025-10-01T00:05:00Z","variable":"WaterLevel","value":"1.5"}""",
            """{"station":"A","time":"2025-10-01T00:05:00Z","variable":"WaterLevel","value":{"v":1}}""",
            """[1, 2]""",
            """{"station":"A","time":"2025-10-01T00:05:00Z","variable":"WaterLevel","value":null}""",
            """{"station":"  ","time":"2025-10-01T00:05:00Z","variable":"WaterLevel","value":1}""",
            """{"station":"A","time":"2025-10-01T00:05:00Z","variable":"WaterLevel","value":1}""");

        Assert.Equal(9, batch.Count);
        Assert.Equal(8, batch.RejectedCount);
        Assert.Equal(("station", "station must be a string, not a number"), (Rejection(batch, 0).Field, Rejection(batch, 0).Reason));
        Assert.Equal(("time", "time must be a string, not a number"), (Rejection(batch, 1).Field, Rejection(batch, 1).Reason));
        Assert.Equal(("variable", "variable must be a string, not true or false"), (Rejection(batch, 2).Field, Rejection(batch, 2).Reason));
        Assert.Equal(("value", "value must be a number, not a string"), (Rejection(batch, 3).Field, Rejection(batch, 3).Reason));
        Assert.Equal("value must be a number, not an object", Rejection(batch, 4).Reason);
        Assert.Equal(("observation", "an observation must be a JSON object, not an array"), (Rejection(batch, 5).Field, Rejection(batch, 5).Reason));
        Assert.Equal(("value", "value is missing"), (Rejection(batch, 6).Field, Rejection(batch, 6).Reason));
        Assert.Equal(("station", "station is missing"), (Rejection(batch, 7).Field, Rejection(batch, 7).Reason));
        Assert.False(batch.IsRejected(8));
    }

    [Fact]
    public void Parse_MissingRepeatedOrUnknownFields_RejectTheirItem()
    {
        var batch = Items(
            """{"station":"A","variable":"WaterLevel","value":1}""",
            """{"station":"A","time":"2025-10-01T00:05:00Z","value":1}""",
            """{"station":"A","time":"2025-10-01T00:05:00Z","variable":"WaterLevel","value":1,"value":2}""",
            """{"station":"A","time":"2025-10-01T00:05:00Z","variable":"WaterLevel","value":1,"unit":"m"}""",
            """{"station":"A","time":"2025-10-01T00:05:00","variable":"WaterLevel","value":1}""",
            """{"station":"A","time":"2025-10-01T00:05:00Z","variable":"Snow","value":1}""",
            """{"station":"A","time":"2025-10-01T00:05:00Z","variable":"1","value":1}""");

        Assert.Equal(7, batch.RejectedCount);
        Assert.Equal(("time", "time is missing"), (Rejection(batch, 0).Field, Rejection(batch, 0).Reason));
        Assert.Equal(("variable", "variable is missing"), (Rejection(batch, 1).Field, Rejection(batch, 1).Reason));
        Assert.Equal(("value", "the field 'value' appears twice"), (Rejection(batch, 2).Field, Rejection(batch, 2).Reason));
        Assert.Equal(("unit", "unknown field 'unit'"), (Rejection(batch, 3).Field, Rejection(batch, 3).Reason));
        Assert.Equal(("time", "time must state its offset (Z or +07:00)"), (Rejection(batch, 4).Field, Rejection(batch, 4).Reason));
        Assert.StartsWith("unknown variable 'Snow'", Rejection(batch, 5).Reason);
        Assert.StartsWith("unknown variable '1'", Rejection(batch, 6).Reason);
    }

    [Fact]
    public void Parse_NumbersBeyondADouble_AreRejected_AndLargeOnesLeftToThePlausibleRange()
    {
        var batch = Items(
            """{"station":"A","time":"2025-10-01T00:05:00Z","variable":"WaterLevel","value":1e400}""",
            """{"station":"A","time":"2025-10-01T00:05:00Z","variable":"WaterLevel","value":-1e400}""",
            """{"station":"A","time":"2025-10-01T00:05:00Z","variable":"WaterLevel","value":123456789012345678901234567890123456789012345678901234567890}""",
            """{"station":"A","time":"2025-10-01T00:05:00Z","variable":"WaterLevel","value":1e308}""");

        Assert.Equal("value 1e400 is not a finite number", Rejection(batch, 0).Reason);
        Assert.Equal("value -1e400 is not a finite number", Rejection(batch, 1).Reason);
        Assert.False(batch.IsRejected(2));
        Assert.False(batch.IsRejected(3));
        Assert.Equal(1e308, batch.Value(3));
    }
}
