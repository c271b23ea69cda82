using CivilDefense.Core.Plans.Parsing;

namespace CivilDefense.Core.Tests.Plans.Parsing;

public sealed class BodyListSplitterTests
{
    [Theory]
    [InlineData("Các cấp ủy, tổ chức đảng, chính quyền, Mặt trận Tổ quốc Việt Nam, các tổ chức chính trị - xã hội.",
        "Các cấp ủy, tổ chức đảng, chính quyền|Mặt trận Tổ quốc Việt Nam|các tổ chức chính trị - xã hội")]
    [InlineData("Ủy ban Kiểm tra Tỉnh ủy và Ban cán sự đảng Ủy ban nhân dân tỉnh", "Ủy ban Kiểm tra Tỉnh ủy|Ban cán sự đảng Ủy ban nhân dân tỉnh")]
    [InlineData("Đảng đoàn Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh và các tổ chức chính trị - xã hội tỉnh",
        "Đảng đoàn Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh|các tổ chức chính trị - xã hội tỉnh")]
    [InlineData("Các ban cán sự đảng, đảng đoàn; các cơ quan chuyên trách tham mưu, giúp việc Tỉnh ủy",
        "Các ban cán sự đảng, đảng đoàn|các cơ quan chuyên trách tham mưu, giúp việc Tỉnh ủy")]
    [InlineData("Sở Văn hóa, Thể thao và Du lịch, Sở Y tế và Công an tỉnh", "Sở Văn hóa, Thể thao và Du lịch|Sở Y tế|Công an tỉnh")]
    [InlineData("Các sở, ban, ngành; chính quyền các cấp", "Các sở, ban, ngành|chính quyền các cấp")]
    [InlineData("Đảng ủy Quân sự tỉnh,", "Đảng ủy Quân sự tỉnh")]
    [InlineData("Cán ban cán sự đảng, đảng đoàn; các huyện ủy, thị ủy, thành ủy", "Cán ban cán sự đảng, đảng đoàn|các huyện ủy, thị ủy, thành ủy")]
    public void Splits_as_written(string list, string expected) =>
        Assert.Equal(expected.Split('|'), BodyListSplitter.Split(list));

    [Fact]
    public void Nothing_gives_nothing() => Assert.Empty(BodyListSplitter.Split(" ,; "));
}
