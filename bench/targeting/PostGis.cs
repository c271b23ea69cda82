using System.Globalization;
using System.Text;
using CivilDefense.Core.Alerts.Targeting;
using Npgsql;
using NpgsqlTypes;

namespace CivilDefense.Bench.Targeting;

/// <summary>
/// The same subscribers in PostGIS: a point geometry (EPSG:4326) and a geography column, each with
/// a GiST index, the table CLUSTERed on the geometry index, and one open connection that runs the
/// queries warm. The database is created for the run and dropped at the end.
/// </summary>
internal sealed class PostGis : IAsyncDisposable
{
    private readonly string _admin;
    private readonly string _name;
    private readonly NpgsqlConnection _connection;

    private PostGis(string admin, string name, NpgsqlConnection connection)
    {
        _admin = admin;
        _name = name;
        _connection = connection;
    }

    public static async Task<PostGis> CreateAsync(string admin, Resident[] residents, string[] communeCodes)
    {
        var name = "ptds_bench_targeting_" + Environment.ProcessId;
        await ExecuteAsync(admin, $"CREATE DATABASE {name}");
        var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(admin) { Database = name, CommandTimeout = 600 }.ConnectionString);
        await connection.OpenAsync();
        var gis = new PostGis(admin, name, connection);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        await gis.RunAsync("CREATE EXTENSION postgis");
        await gis.RunAsync("CREATE TABLE raw (id integer, commune text, lat double precision, lon double precision)");
        await using (var import = await connection.BeginBinaryImportAsync("COPY raw (id, commune, lat, lon) FROM STDIN (FORMAT BINARY)"))
        {
            foreach (var r in residents)
            {
                await import.StartRowAsync();
                await import.WriteAsync(r.Id, NpgsqlDbType.Integer);
                await import.WriteAsync(communeCodes[r.CommuneIndex], NpgsqlDbType.Text);
                await import.WriteAsync(r.Lat, NpgsqlDbType.Double);
                await import.WriteAsync(r.Lon, NpgsqlDbType.Double);
            }

            await import.CompleteAsync();
        }

        await gis.RunAsync("SET maintenance_work_mem = '1GB'");
        await gis.RunAsync("""
            CREATE TABLE subscribers AS
            SELECT id, commune, ST_SetSRID(ST_MakePoint(lon, lat), 4326) AS geom, ST_SetSRID(ST_MakePoint(lon, lat), 4326)::geography AS geog
            FROM raw
            """);
        await gis.RunAsync("DROP TABLE raw");
        await gis.RunAsync("CREATE INDEX subscribers_geom ON subscribers USING gist (geom)");
        await gis.RunAsync("CREATE INDEX subscribers_geog ON subscribers USING gist (geog)");
        await gis.RunAsync("CREATE INDEX subscribers_commune ON subscribers (commune)");
        await gis.RunAsync("CLUSTER subscribers USING subscribers_geom");
        await gis.RunAsync("VACUUM ANALYZE subscribers");
        Console.WriteLine($"PostGIS table, indexes and CLUSTER ready in {clock.Elapsed.TotalSeconds:F0} s ({await gis.ScalarAsync("SELECT postgis_lib_version()")}, {await gis.ScalarAsync("SHOW server_version")})");
        return gis;
    }

    /// <summary>The recipients of an area as one SQL count: a UNION so a subscriber in several parts counts once.</summary>
    public async Task<int> CountAsync(AlertArea area)
    {
        var parts = new List<string>();
        await using var command = new NpgsqlCommand { Connection = _connection };
        for (var i = 0; i < area.Polygons.Count; i++)
        {
            parts.Add($"SELECT id FROM subscribers WHERE ST_Intersects(geom, ST_GeomFromText(@p{i}, 4326))");
            command.Parameters.AddWithValue($"p{i}", Wkt(area.Polygons[i]));
        }

        for (var i = 0; i < area.Circles.Count; i++)
        {
            // use_spheroid = false: the same sphere as GreatCircle (see its remarks).
            parts.Add($"SELECT id FROM subscribers WHERE ST_DWithin(geog, ST_SetSRID(ST_MakePoint(@lon{i}, @lat{i}), 4326)::geography, @m{i}, false)");
            command.Parameters.AddWithValue($"lon{i}", area.Circles[i].Centre.Lon);
            command.Parameters.AddWithValue($"lat{i}", area.Circles[i].Centre.Lat);
            command.Parameters.AddWithValue($"m{i}", area.Circles[i].RadiusKm * 1000);
        }

        if (area.Geocodes.Count > 0)
        {
            parts.Add("SELECT id FROM subscribers WHERE commune = ANY(@codes)");
            command.Parameters.AddWithValue("codes", area.Geocodes.ToArray());
        }

        command.CommandText = parts.Count == 1
            ? $"SELECT count(*) FROM ({parts[0]}) s"
            : $"SELECT count(*) FROM ({string.Join(" UNION ", parts)}) s";
        return Convert.ToInt32(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
    }

    public async ValueTask DisposeAsync()
    {
        await _connection.DisposeAsync();
        NpgsqlConnection.ClearAllPools();
        await ExecuteAsync(_admin, $"DROP DATABASE IF EXISTS {_name} WITH (FORCE)");
    }

    /// <summary>WKT is longitude first: the one place the CAP order (latitude first) is turned round.</summary>
    private static string Wkt(AreaPolygon polygon)
    {
        var text = new StringBuilder("POLYGON((");
        text.AppendJoin(",", polygon.Outer.Select(p => string.Create(CultureInfo.InvariantCulture, $"{p.Lon:R} {p.Lat:R}")));
        return text.Append("))").ToString();
    }

    private async Task RunAsync(string sql)
    {
        await using var command = new NpgsqlCommand(sql, _connection);
        await command.ExecuteNonQueryAsync();
    }

    private async Task<object?> ScalarAsync(string sql)
    {
        await using var command = new NpgsqlCommand(sql, _connection);
        return await command.ExecuteScalarAsync();
    }

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
