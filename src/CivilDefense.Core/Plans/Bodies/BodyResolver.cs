using System.Collections.Concurrent;

namespace CivilDefense.Core.Plans.Bodies;

/// <summary>
/// Resolves body names written in a plan against the organisation registry, in this order:
/// a user-confirmed alias; a group phrase; the same name (<see cref="BodyNames.Key"/>: case,
/// diacritics, abbreviations); the same name once the unit's own name is left out ("Đảng ủy Quân sự
/// tỉnh" for "Đảng ủy Quân sự tỉnh Tây Ninh"), with a trailing "tỉnh"/"xã" read as the unit level;
/// the same again without a stray first word ("Cán ban cán sự đảng…"); finally words within one
/// edit of the registry's words. Several candidates are narrowed to the plan's own unit, then to its
/// subtree; if still several, the name is unmatched with them as suggestions. Indexes are built once;
/// results are cached per name, so a 500-task plan repeating 50 names costs 50 look-ups.
/// </summary>
public sealed class BodyResolver
{
    /// <summary>Fuzzy matches at or above this Dice score of words are taken; below, they are only suggested.</summary>
    public const double FuzzyThreshold = 0.85;

    private static readonly string[] UnitKindWords = ["thanh pho", "dac khu", "thi tran", "thi xa", "tinh", "huyen", "quan", "xa", "phuong"];

    private static readonly (string Word, int Level)[] LevelWords =
        [("tinh", 1), ("huyen", 2), ("thi xa", 2), ("xa", 3), ("phuong", 3), ("dac khu", 3), ("thi tran", 3)];

    private readonly KnownOrganization[] _orgs;
    private readonly string[] _nameKeys;
    private readonly HashSet<string>[] _fullTokens;
    private readonly HashSet<string>[] _coreTokens;
    private readonly IReadOnlyList<GroupPhrase> _groups;
    private readonly IReadOnlyDictionary<string, int> _aliases;
    private readonly Dictionary<int, int> _indexById = [];
    private readonly Dictionary<int, string> _unitPaths = [];
    private readonly Dictionary<string, List<int>> _exact = [];
    private readonly Dictionary<string, List<int>> _generic = [];
    private readonly Dictionary<string, List<int>> _core = [];
    private readonly Dictionary<string, List<int>> _tokens = [];
    private readonly Dictionary<string, List<string>> _deletes = [];
    private readonly ConcurrentDictionary<(string, int?), BodyResolution> _cache = new();

    public BodyResolver(IReadOnlyList<KnownOrganization> registry, IReadOnlyList<GroupPhrase>? groups = null, IReadOnlyDictionary<string, int>? aliases = null)
    {
        _orgs = registry.ToArray();
        _groups = groups ?? GroupPhrases.Default;
        _aliases = aliases ?? new Dictionary<string, int>();
        _nameKeys = new string[_orgs.Length];
        _fullTokens = new HashSet<string>[_orgs.Length];
        _coreTokens = new HashSet<string>[_orgs.Length];
        for (var i = 0; i < _orgs.Length; i++)
        {
            var org = _orgs[i];
            _indexById[org.Id] = i;
            if (org.UnitPath is not null)
            {
                _unitPaths[org.UnitId] = org.UnitPath;
            }

            var key = BodyNames.Key(org.Name);
            _nameKeys[i] = key;
            var generic = WithoutUnitName(key, org.UnitName);
            Add(_exact, key, i);
            if (org.ShortName is { Length: > 0 } shortName)
            {
                Add(_exact, BodyNames.Key(shortName), i);
            }

            Add(_generic, generic, i);
            var core = WithoutLevelWord(generic).Core;
            Add(_core, core, i);
            _coreTokens[i] = [.. core.Split(' ', StringSplitOptions.RemoveEmptyEntries)];
            _fullTokens[i] = [.. key.Split(' ', StringSplitOptions.RemoveEmptyEntries)];
            foreach (var t in _fullTokens[i])
            {
                Add(_tokens, t, i);
            }
        }

        foreach (var word in _tokens.Keys.Where(w => w.Length >= 4))
        {
            foreach (var d in Deletes(word))
            {
                if (!_deletes.TryGetValue(d, out var list))
                {
                    _deletes[d] = list = [];
                }

                list.Add(word);
            }
        }
    }

    public BodyResolution Resolve(string mention, int? planUnitId = null)
    {
        var key = BodyNames.Key(mention);
        return _cache.GetOrAdd((key, planUnitId), _ => ResolveKey(mention, key, planUnitId)) switch
        {
            MatchedBody m => m with { Mention = mention },
            GroupBody g => g with { Mention = mention },
            UnmatchedBody u => u with { Mention = mention },
            var other => other,
        };
    }

    private BodyResolution ResolveKey(string mention, string key, int? planUnitId)
    {
        if (key.Length == 0)
        {
            return new UnmatchedBody(mention, [], "The name is empty.");
        }

        if (_aliases.TryGetValue(key, out var aliasId) && _indexById.ContainsKey(aliasId))
        {
            return new MatchedBody(mention, aliasId, 1, "A mapping confirmed earlier.");
        }

        if (Direct(mention, key, planUnitId, "") is { } direct)
        {
            return direct;
        }

        // A stray first word ("Cán ban cán sự đảng…"): the rest must match on its own.
        var words = key.Split(' ');
        if (words.Length >= 3 && Direct(mention, string.Join(' ', words[1..]), planUnitId, $" after ignoring the stray first word '{mention.Trim().Split(' ')[0]}'") is { } withoutNoise)
        {
            return withoutNoise;
        }

        return Fuzzy(mention, key, planUnitId);
    }

    private BodyResolution? Direct(string mention, string key, int? planUnitId, string because)
    {
        if (GroupPhrases.Match(key, _groups) is { } group)
        {
            var members = Enumerable.Range(0, _orgs.Length)
                .Where(i => group.Phrase.IncludesKindAndLevel(_orgs[i], group.Level) && group.Phrase.IncludesName(_nameKeys[i]) && InScope(i, planUnitId))
                .Select(i => _orgs[i].Id)
                .ToList();
            return new GroupBody(mention, group.Phrase.Key, members, $"Group phrase: {group.Phrase.Description}{because}");
        }

        if (_exact.TryGetValue(key, out var exact))
        {
            return Pick(mention, exact, planUnitId, 1, $"Same name{because}.");
        }

        if (_generic.TryGetValue(key, out var generic))
        {
            return Pick(mention, generic, planUnitId, 0.95, $"Same name without the unit's own name{because}.");
        }

        var (core, level) = WithoutLevelWord(key);
        if (_core.TryGetValue(core, out var byCore))
        {
            var atLevel = level is null ? byCore : byCore.Where(i => _orgs[i].UnitLevel == level).ToList();
            if (atLevel.Count > 0)
            {
                return Pick(mention, atLevel, planUnitId, 0.9, level is null ? $"Same name without the unit's name and level{because}." : $"Same name, the trailing unit word read as level {level}{because}.");
            }
        }

        return null;
    }

    private BodyResolution Pick(string mention, List<int> candidates, int? planUnitId, double score, string how)
    {
        var chosen = Narrow(candidates, planUnitId);
        return chosen is { } i
            ? new MatchedBody(mention, _orgs[i].Id, score, how)
            : new UnmatchedBody(mention, Suggest(candidates.Select(c => (c, score))), $"{candidates.Count} organisations have this name; choose one.");
    }

    /// <summary>One candidate, or the only one at the plan's unit, or the only one in its subtree.</summary>
    private int? Narrow(IReadOnlyList<int> candidates, int? planUnitId)
    {
        var distinct = candidates.Distinct().ToList();
        if (distinct.Count == 1)
        {
            return distinct[0];
        }

        if (planUnitId is null)
        {
            return null;
        }

        var own = distinct.Where(i => _orgs[i].UnitId == planUnitId).ToList();
        if (own.Count == 1)
        {
            return own[0];
        }

        var inScope = distinct.Where(i => InScope(i, planUnitId)).ToList();
        return own.Count == 0 && inScope.Count == 1 ? inScope[0] : null;
    }

    private bool InScope(int index, int? planUnitId)
    {
        if (planUnitId is null || !_unitPaths.TryGetValue(planUnitId.Value, out var planPath) || _orgs[index].UnitPath is not { } path)
        {
            return true;
        }

        return path.StartsWith(planPath, StringComparison.Ordinal);
    }

    /// <summary>
    /// Candidates are the organisations sharing a distinctive word with the name (a word in at most
    /// a tenth of the registry, or within one edit of such a word); common words ("ban", "xã") only
    /// when the name has nothing else. Each candidate is scored by the Dice coefficient of words,
    /// against its full name and against its name without unit, the better of the two.
    /// </summary>
    private BodyResolution Fuzzy(string mention, string key, int? planUnitId)
    {
        var tokens = key.Split(' ', StringSplitOptions.RemoveEmptyEntries).Distinct().ToArray();
        var near = new Dictionary<string, List<string>>();
        var corrections = new List<string>();
        foreach (var t in tokens.Where(t => !_tokens.ContainsKey(t)))
        {
            near[t] = Near(t);
            if (near[t].Count > 0)
            {
                corrections.Add($"'{t}' as '{string.Join("'/'", near[t])}'");
            }
        }

        var common = Math.Max(50, _orgs.Length / 10);
        var words = tokens.SelectMany(t => near.TryGetValue(t, out var n) ? n : [t]).Where(_tokens.ContainsKey).ToList();
        var distinctive = words.Where(w => _tokens[w].Count <= common).ToList();
        var candidates = (distinctive.Count > 0 ? distinctive : words).SelectMany(w => _tokens[w]).Distinct().Take(2000);

        var ranked = new List<(int Index, double Score)>();
        foreach (var i in candidates)
        {
            double matched = 0, matchedCore = 0;
            foreach (var t in tokens)
            {
                var n = near.GetValueOrDefault(t);
                var weight = _fullTokens[i].Contains(t) ? 1 : n is not null && n.Any(_fullTokens[i].Contains) ? 0.8 : 0;
                matched += weight;
                if (weight > 0 && (_coreTokens[i].Contains(t) || (n?.Any(_coreTokens[i].Contains) ?? false)))
                {
                    matchedCore += weight;
                }
            }

            var score = Math.Max(2 * matched / (tokens.Length + _fullTokens[i].Count), 2 * matchedCore / (tokens.Length + _coreTokens[i].Count));
            ranked.Add((i, Math.Min(1, score)));
        }

        ranked.Sort((a, b) => b.Score.CompareTo(a.Score));
        if (ranked.Count > 0 && ranked[0].Score >= FuzzyThreshold)
        {
            var best = ranked.TakeWhile(r => r.Score >= ranked[0].Score - 0.0001).Select(r => r.Index).ToList();
            if (Narrow(best, planUnitId) is { } chosen)
            {
                var fixes = corrections.Count > 0 ? $", reading {string.Join(", ", corrections)}" : "";
                return new MatchedBody(mention, _orgs[chosen].Id, Math.Round(ranked[0].Score, 3), $"Close name: {ranked[0].Score:P0} of the words agree{fixes}.");
            }
        }

        return new UnmatchedBody(mention, Suggest(ranked.Where(r => r.Score >= 0.3)), "No organisation of the registry has this name.");
    }

    private List<BodySuggestion> Suggest(IEnumerable<(int Index, double Score)> ranked) =>
        ranked.DistinctBy(r => r.Index).Take(3).Select(r => new BodySuggestion(_orgs[r.Index].Id, _orgs[r.Index].Name, Math.Round(r.Score, 3))).ToList();

    /// <summary>Registry words within one insertion, deletion or substitution of <paramref name="word"/> (words of four letters or more).</summary>
    private List<string> Near(string word)
    {
        if (word.Length < 4)
        {
            return [];
        }

        var found = new HashSet<string>(StringComparer.Ordinal);
        if (_deletes.TryGetValue(word, out var longer))
        {
            found.UnionWith(longer);
        }

        foreach (var d in Deletes(word))
        {
            if (_tokens.ContainsKey(d))
            {
                found.Add(d);
            }

            if (_deletes.TryGetValue(d, out var same))
            {
                found.UnionWith(same.Where(s => s.Length == word.Length));
            }
        }

        return found.Take(3).ToList();
    }

    private static IEnumerable<string> Deletes(string word)
    {
        for (var i = 0; i < word.Length; i++)
        {
            yield return word.Remove(i, 1);
        }
    }

    /// <summary>"dang uy quan su tinh tay ninh" less the unit's bare name "tay ninh".</summary>
    private static string WithoutUnitName(string key, string unitName)
    {
        var unit = BodyNames.Key(unitName);
        foreach (var kind in UnitKindWords)
        {
            if (unit.StartsWith(kind + " ", StringComparison.Ordinal))
            {
                unit = unit[(kind.Length + 1)..];
                break;
            }
        }

        return unit.Length > 0 && key.EndsWith(" " + unit, StringComparison.Ordinal) ? key[..^(unit.Length + 1)] : key;
    }

    /// <summary>"dang uy quan su tinh" → ("dang uy quan su", 1): a trailing "tỉnh" means the province's own.</summary>
    private static (string Core, int? Level) WithoutLevelWord(string key)
    {
        foreach (var (word, level) in LevelWords)
        {
            if (key.EndsWith(" " + word, StringComparison.Ordinal))
            {
                return (key[..^(word.Length + 1)], level);
            }
        }

        return (key, null);
    }

    private static void Add(Dictionary<string, List<int>> index, string key, int i)
    {
        if (key.Length == 0)
        {
            return;
        }

        if (!index.TryGetValue(key, out var list))
        {
            index[key] = list = [];
        }

        if (list.Count == 0 || list[^1] != i)
        {
            list.Add(i);
        }
    }
}
