using System.Text;

namespace CivilDefense.Core.Monitoring;

/// <summary>Why one item of a batch was not stored: its position in the batch (from 0), the field and the reason.</summary>
public sealed record ObservationRejection(int Index, string Field, string Reason);

/// <summary>
/// One item as read from a request or a file, before it is appended to the batch: each field
/// either read or the reason it could not be. The first reason in the order station, time,
/// variable, value is the item's; a field that is not an observation's comes before them all.
/// </summary>
internal struct ObservationItem()
{
    public int Code = -1;
    public string? StationReason = "station is missing";
    public DateTime At;
    public string? TimeReason = "time is missing";
    public StationVariable Variable;
    public string? VariableReason = "variable is missing";
    public double Value;
    public string? ValueReason = "value is missing";
    public string? OtherField;
    public string? OtherReason;
}

/// <summary>
/// A batch of observations held as columns (station, time, variable, value) rather than one
/// object per item: a backfill request holds 80,000 items, and the JSON reader, the checks and
/// the binary COPY each walk the arrays without allocating anything per item. Stations are held
/// as indexes into the batch's distinct codes. Items that could not be read stay in the batch
/// (the indexes of the client's list are kept) with their rejection.
/// </summary>
public sealed class ObservationColumns
{
    private readonly Dictionary<string, int> _codeIndex = new(StringComparer.Ordinal);
    private readonly List<string> _codes = [];
    private readonly Dictionary<int, ObservationRejection> _rejections = [];
    private byte[] _lastCode = [];
    private int _lastCodeIndex = -1;
    private int[] _station;
    private DateTime[] _at;
    private StationVariable[] _variable;
    private double[] _value;
    private bool[] _rejected;

    public ObservationColumns(int capacity = 16)
    {
        capacity = Math.Max(capacity, 1);
        (_station, _at, _variable, _value, _rejected) = (new int[capacity], new DateTime[capacity], new StationVariable[capacity], new double[capacity], new bool[capacity]);
    }

    public int Count { get; private set; }

    /// <summary>The distinct station codes named by the batch, in order of first appearance.</summary>
    public IReadOnlyList<string> Codes => _codes;

    public int RejectedCount => _rejections.Count;

    /// <summary>The rejected items in the order of the batch.</summary>
    public IReadOnlyList<ObservationRejection> Rejections => [.. _rejections.Values.OrderBy(r => r.Index)];

    /// <summary>The item's station as an index into <see cref="Codes"/>, or -1 when it named none.</summary>
    public int CodeOf(int index) => _station[index];

    public DateTime At(int index) => _at[index];

    public StationVariable Variable(int index) => _variable[index];

    public double Value(int index) => _value[index];

    public bool IsRejected(int index) => _rejected[index];

    /// <summary>Marks an item rejected; a later reason replaces an earlier one (an unknown station outranks a bad time).</summary>
    internal void Reject(int index, string field, string reason)
    {
        _rejected[index] = true;
        _rejections[index] = new ObservationRejection(index, field, reason);
    }

    /// <summary>Builds a batch from items with text fields (the CSV import, tests, callers in code).</summary>
    public static ObservationColumns From(IReadOnlyList<ObservationInput> items)
    {
        var columns = new ObservationColumns(items.Count);
        foreach (var item in items)
        {
            columns.Add(item.Station, item.Time, item.Variable, item.Value);
        }

        return columns;
    }

    public void Add(string? station, string? time, string? variable, double? value)
    {
        var item = new ObservationItem();
        if (!string.IsNullOrWhiteSpace(station))
        {
            (item.Code, item.StationReason) = (CodeIndex(station), null);
        }

        ObservationRules.TryParseTime(time, out item.At, out item.TimeReason);
        ObservationRules.TryParseVariable(variable.AsSpan(), out item.Variable, out item.VariableReason);
        if (value is { } v)
        {
            (item.Value, item.ValueReason) = (v, null);
        }

        Append(in item);
    }

    /// <summary>Appends an item, rejected with its first reason if any field could not be read.</summary>
    internal void Append(in ObservationItem item)
    {
        if (Count == _station.Length)
        {
            Grow();
        }

        var index = Count++;
        // Whole microseconds, as PostgreSQL keeps them: a key re-sent with finer digits is the same key.
        var at = item.At.AddTicks(-(item.At.Ticks % 10));
        (_station[index], _at[index], _variable[index], _value[index]) = (item.Code, at, item.Variable, item.Value);
        var (field, reason) = item switch
        {
            { OtherReason: { } other } => (item.OtherField ?? "observation", other),
            { StationReason: { } station } => ("station", station),
            { TimeReason: { } time } => ("time", time),
            { VariableReason: { } variable } => ("variable", variable),
            { ValueReason: { } value } => ("value", value),
            _ => ((string?)null, (string?)null),
        };
        if (reason is not null)
        {
            Reject(index, field!, reason);
        }
    }

    /// <summary>The index of a station code, registering it on first sight; -1 for a blank one.</summary>
    internal int CodeIndex(string code)
    {
        if (string.IsNullOrWhiteSpace(code))
        {
            return -1;
        }

        if (!_codeIndex.TryGetValue(code, out var index))
        {
            index = _codes.Count;
            _codes.Add(code);
            _codeIndex.Add(code, index);
        }

        return index;
    }

    /// <summary>
    /// The index of a station code as it lies in the body (UTF-8, unescaped). A gateway sends its
    /// items station by station, so the code is nearly always the previous item's: compared as
    /// bytes, it costs no string and no hash.
    /// </summary>
    internal int CodeIndex(ReadOnlySpan<byte> utf8)
    {
        if (_lastCodeIndex >= 0 && utf8.SequenceEqual(_lastCode))
        {
            return _lastCodeIndex;
        }

        var index = CodeIndex(Encoding.UTF8.GetString(utf8));
        (_lastCode, _lastCodeIndex) = index < 0 ? ([], -1) : (utf8.ToArray(), index);
        return index;
    }

    private void Grow()
    {
        var size = _station.Length * 2;
        Array.Resize(ref _station, size);
        Array.Resize(ref _at, size);
        Array.Resize(ref _variable, size);
        Array.Resize(ref _value, size);
        Array.Resize(ref _rejected, size);
    }
}
