using System.Text;

namespace CivilDefense.Bench.Plans;

/// <summary>
/// A deterministic plan document of <c>groups × tasksPerGroup</c> tasks, each naming
/// <c>bodiesPerTask</c> implementing bodies taken in turn from the registry's names, in the layout
/// of the seed plans (bold numbers, italic field labels).
/// </summary>
internal static class PlanGenerator
{
    public static string Markdown(IReadOnlyList<string> bodyNames, int groups, int tasksPerGroup, int bodiesPerTask)
    {
        var text = new StringBuilder();
        text.AppendLine("## KẾ HOẠCH").AppendLine().AppendLine("**Số 99-KH/BCH**").AppendLine()
            .AppendLine("**về thực hiện nhiệm vụ phòng thủ dân sự giai đoạn 2026 - 2030 (đề bài đo hiệu năng)**").AppendLine()
            .AppendLine("### I. NHIỆM VỤ, GIẢI PHÁP").AppendLine();
        var next = 0;
        for (var g = 1; g <= groups; g++)
        {
            text.AppendLine($"**{g}. Nhóm nhiệm vụ số {g} về phòng thủ dân sự**").AppendLine();
            for (var t = 1; t <= tasksPerGroup; t++)
            {
                var bodies = Enumerable.Range(0, bodiesPerTask).Select(_ => bodyNames[next++ % bodyNames.Count]);
                text.AppendLine($"**{g}.{t}.** Tổ chức thực hiện nhiệm vụ {g}.{t} về huấn luyện, diễn tập và bảo đảm phương châm bốn tại chỗ.").AppendLine()
                    .AppendLine("- *Cơ quan chỉ đạo:* Ban Chỉ huy Phòng thủ dân sự tỉnh Tây Ninh.")
                    .AppendLine("- *Cơ quan chủ trì tham mưu:* Bộ Chỉ huy Quân sự tỉnh Tây Ninh.")
                    .AppendLine($"- *Cơ quan tổ chức thực hiện:* {string.Join("; ", bodies)}.")
                    .AppendLine($"- *Thời gian thực hiện:* Năm {2026 + (t % 5)}.").AppendLine();
            }
        }

        return text.ToString();
    }
}
