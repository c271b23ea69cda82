using System.Text;
using CivilDefense.Core.Plans.Import;

namespace CivilDefense.Core.Tests.Plans.Import;

/// <summary>Small plan documents in the seeds' style, written for these tests.</summary>
internal static class PlanFixtures
{
    public const string Plan12 = """
        TỈNH ỦY TÂY NINH

        Số 12-KH/TU

        Tây Ninh, ngày 15 tháng 3 năm 2024

        ## KẾ HOẠCH

        **về tăng cường công tác phòng thủ dân sự năm 2024**

        ### I. MỤC ĐÍCH, YÊU CẦU

        - Nâng cao nhận thức về phòng thủ dân sự.

        ### II. NHIỆM VỤ, GIẢI PHÁP

        **1. Kiện toàn tổ chức**

        **1.1.** Kiện toàn Ban Chỉ huy phòng thủ dân sự các cấp.

        - *Cơ quan chỉ đạo:* Ban Thường vụ Tỉnh ủy.
        - *Cơ quan chủ trì tham mưu:* Đảng ủy Quân sự tỉnh.
        - *Cơ quan tổ chức thực hiện:* Ban cán sự đảng Ủy ban nhân dân tỉnh; Đảng ủy Công an tỉnh.
        - *Thời gian thực hiện:* Trước ngày 30/6/2024.

        **1.2.** Tuyên truyền về phòng thủ dân sự.

        - *Cơ quan chỉ đạo:* Ban Thường vụ Tỉnh ủy.
        - *Cơ quan chủ trì tham mưu:* Ban Tuyên giáo Tỉnh ủy.
        - *Cơ quan tổ chức thực hiện:* Hội Liên hiệp Phụ nữ tỉnh, Tỉnh đoàn và Hội Bảo trợ người khuyết tật tỉnh.
        - *Thời gian thực hiện:* Thường xuyên.

        **2. Diễn tập**

        Tổ chức diễn tập phòng thủ dân sự cấp xã.

        - *Cơ quan chỉ đạo:* Ban Thường vụ Tỉnh ủy.
        - *Cơ quan chủ trì tham mưu:* Đảng ủy Quân sự tỉnh.
        - *Cơ quan tổ chức thực hiện:* Các đảng ủy xã, phường.
        - *Thời gian thực hiện:* 2024 - 2025.

        ### III. TỔ CHỨC THỰC HIỆN

        1. Đảng ủy Quân sự tỉnh theo dõi, đôn đốc; hằng năm báo cáo Ban Thường vụ Tỉnh ủy.

        **T/M BAN THƯỜNG VỤ**
        **PHÓ BÍ THƯ**

        **Nguyễn Văn Demo**
        """;

    public static PlanFile File(string text, string name = "ke-hoach-12.md") => new(name, Encoding.UTF8.GetBytes(text));

    /// <summary>Seed 002 of ../shared/seeds when the shared folder sits beside the repository; null otherwise.</summary>
    public static string? SharedSeed(string fileName)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", "seeds", fileName);
            if (System.IO.File.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }
}
