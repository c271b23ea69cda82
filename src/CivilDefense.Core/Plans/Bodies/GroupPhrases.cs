using CivilDefense.Core.Organizations;

namespace CivilDefense.Core.Plans.Bodies;

/// <summary>
/// The collectives plans use, in one place: the body-list splitter keeps them whole and the
/// resolver expands them. Levels: 1 province, 2 district, 3 commune.
/// </summary>
public static class GroupPhrases
{
    private static readonly OrganizationKind[] Party = [OrganizationKind.PartyCommittee];

    /// <summary>
    /// Words that may follow a phrase and still belong to it ("các sở, ban, ngành tỉnh"), with the
    /// unit level they narrow the members to (null: no narrowing).
    /// </summary>
    public static IReadOnlyList<(string Words, int? Level)> Qualifiers { get; } =
    [
        ("trực thuộc Tỉnh ủy", null), ("trên địa bàn tỉnh", null), ("có liên quan", null), ("liên quan", null),
        ("các cấp", null), ("cấp tỉnh", 1), ("cấp huyện", 2), ("cấp xã", 3), ("tỉnh", 1), ("huyện", 2), ("xã", 3),
    ];

    private static readonly (string Key, int? Level)[] QualifierKeys = Qualifiers.Select(q => (BodyNames.Key(q.Words), q.Level)).ToArray();

    public static IReadOnlyList<GroupPhrase> Default { get; } =
    [
        new("party-committees-and-authorities", "các cấp ủy, tổ chức đảng, chính quyền",
            "Party committees and people's committees at every level (cấp ủy, tổ chức đảng, chính quyền).",
            ["cấp ủy, tổ chức đảng, chính quyền", "các cấp ủy đảng, chính quyền", "các cấp ủy, chính quyền", "cấp ủy, chính quyền các cấp"],
            [OrganizationKind.PartyCommittee, OrganizationKind.PeoplesCommittee], [1, 2, 3], []),
        new("party-delegations", "các ban cán sự đảng, đảng đoàn",
            "The party delegations of the province (ban cán sự đảng, đảng đoàn).",
            ["ban cán sự đảng, đảng đoàn", "các đảng đoàn, ban cán sự đảng"],
            Party, [1], ["Ban cán sự đảng", "Đảng đoàn"]),
        new("subordinate-party-committees", "các huyện ủy, thị ủy, thành ủy, đảng ủy trực thuộc Tỉnh ủy",
            "Party committees directly under the provincial party committee: district, town and city committees and the affiliated party committees (đảng ủy trực thuộc), including the communes' after 1/7/2025.",
            ["các huyện ủy, thị ủy, thành ủy, đảng ủy trực thuộc", "các đảng bộ trực thuộc Tỉnh ủy", "các đảng bộ trực thuộc", "các đảng ủy trực thuộc Tỉnh ủy", "các đảng ủy trực thuộc"],
            Party, [1, 2, 3], ["Huyện ủy", "Thị ủy", "Thành ủy", "Đảng ủy"]),
        new("district-party-committees", "các huyện ủy, thị ủy, thành ủy",
            "District-level party committees (huyện ủy, thị ủy, thành ủy); none exist after 1/7/2025.",
            ["huyện ủy, thị ủy, thành ủy", "các huyện, thị, thành ủy"],
            Party, [2], ["Huyện ủy", "Thị ủy", "Thành ủy"]),
        new("provincial-party-advisory-bodies", "các cơ quan chuyên trách tham mưu, giúp việc Tỉnh ủy",
            "The provincial party committee's advisory bodies: its boards, inspection commission and office.",
            ["các cơ quan tham mưu, giúp việc Tỉnh ủy", "các cơ quan chuyên trách tham mưu, giúp việc"],
            Party, [1], ["Ban Tổ chức Tỉnh ủy", "Ban Tuyên giáo", "Ban Dân vận", "Ban Nội chính", "Ủy ban Kiểm tra Tỉnh ủy", "Văn phòng Tỉnh ủy"]),
        new("departments", "các sở, ban, ngành",
            "The province's departments and agencies (sở, ban, ngành).",
            ["sở, ban, ngành", "các sở, ngành", "các sở ban ngành"],
            [OrganizationKind.Department], [1], []),
        new("authorities-all-levels", "chính quyền các cấp",
            "People's committees at every level.",
            ["chính quyền địa phương các cấp"],
            [OrganizationKind.PeoplesCommittee], [1, 2, 3], []),
        new("socio-political-organisations", "các tổ chức chính trị - xã hội",
            "The socio-political organisations (Fatherland Front member organisations: Youth Union, Women's, Farmers', Veterans' associations, Trade Union).",
            ["tổ chức chính trị - xã hội", "các đoàn thể chính trị - xã hội"],
            [OrganizationKind.MassOrganization], [1, 2, 3], []),
        new("mass-organisations", "các tổ chức hội, đoàn thể",
            "Associations and mass organisations (hội, đoàn thể).",
            ["các hội, đoàn thể", "các đoàn thể"],
            [OrganizationKind.MassOrganization], [1, 2, 3], []),
        new("district-peoples-committees", "Ủy ban nhân dân các huyện, thị xã, thành phố",
            "District-level people's committees; none exist after 1/7/2025.",
            ["UBND các huyện, thị xã, thành phố", "UBND các huyện, thành, thị", "Ủy ban nhân dân các huyện, thành, thị", "Ủy ban nhân dân các huyện, thành phố", "UBND các huyện, thành phố"],
            [OrganizationKind.PeoplesCommittee], [2], []),
        new("commune-peoples-committees", "Ủy ban nhân dân các xã, phường, đặc khu",
            "Commune-level people's committees (xã, phường, đặc khu, thị trấn).",
            ["UBND các xã, phường, đặc khu", "Ủy ban nhân dân các xã, phường, thị trấn", "UBND các xã, phường, thị trấn", "Ủy ban nhân dân các xã, phường", "UBND các xã, phường", "Ủy ban nhân dân cấp xã", "UBND cấp xã"],
            [OrganizationKind.PeoplesCommittee], [3], []),
        new("commune-party-committees", "đảng ủy các xã, phường, đặc khu",
            "Commune-level party committees.",
            ["các đảng ủy xã, phường, đặc khu", "đảng ủy các xã, phường", "các đảng ủy xã, phường", "đảng ủy cấp xã"],
            Party, [3], ["Đảng ủy"]),
    ];

    /// <summary>
    /// Where group phrases occur in <paramref name="text"/> (NFC), longest first, not overlapping,
    /// on word boundaries, each extended over trailing <see cref="Qualifiers"/>.
    /// </summary>
    public static IReadOnlyList<(int Start, int End, GroupPhrase Phrase)> FindSpans(string text, IReadOnlyList<GroupPhrase>? phrases = null)
    {
        var folded = BodyNames.Fold(text);
        var forms = (phrases ?? Default)
            .SelectMany(p => p.Forms.Select(f => (Form: BodyNames.Fold(f), Phrase: p)))
            .OrderByDescending(f => f.Form.Length);
        var spans = new List<(int Start, int End, GroupPhrase Phrase)>();
        foreach (var (form, phrase) in forms)
        {
            var from = 0;
            while (from < folded.Length)
            {
                var at = folded.IndexOf(form, from, StringComparison.Ordinal);
                if (at < 0)
                {
                    break;
                }

                var end = at + form.Length;
                from = at + 1;
                if (!IsBoundary(folded, at - 1) || !IsBoundary(folded, end) || spans.Any(s => at < s.End && s.Start < end))
                {
                    continue;
                }

                spans.Add((at, ExtendOverQualifiers(folded, end), phrase));
            }
        }

        return spans.OrderBy(s => s.Start).ToList();
    }

    /// <summary>The phrase a whole mention key names, with the level its qualifier narrows to; null when it is not a group.</summary>
    public static (GroupPhrase Phrase, int? Level)? Match(string mentionKey, IReadOnlyList<GroupPhrase> phrases)
    {
        var key = mentionKey;
        int? level = null;
        for (var round = 0; round < 3; round++)
        {
            foreach (var p in phrases)
            {
                if (p.FormKeys.Contains(key))
                {
                    return (p, level);
                }
            }

            var qualifier = QualifierKeys.FirstOrDefault(q => key.EndsWith(" " + q.Key, StringComparison.Ordinal));
            if (qualifier.Key is null)
            {
                return null;
            }

            key = key[..^(qualifier.Key.Length + 1)];
            level ??= qualifier.Level;
        }

        return null;
    }

    private static int ExtendOverQualifiers(string folded, int end)
    {
        var extended = true;
        while (extended)
        {
            extended = false;
            foreach (var (words, _) in Qualifiers)
            {
                var q = " " + BodyNames.Fold(words);
                if (string.CompareOrdinal(folded, end, q, 0, q.Length) == 0 && IsBoundary(folded, end + q.Length))
                {
                    end += q.Length;
                    extended = true;
                    break;
                }
            }
        }

        return end;
    }

    private static bool IsBoundary(string text, int index) => index < 0 || index >= text.Length || !char.IsLetterOrDigit(text[index]);
}
