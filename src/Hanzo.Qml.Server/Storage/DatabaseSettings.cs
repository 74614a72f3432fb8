namespace Hanzo.Qml.Server.Storage;

/// <summary>Which database the service uses: PostgreSQL when a URL is configured, otherwise a SQLite file.</summary>
/// <param name="Provider">The provider.</param>
/// <param name="ConnectionString">The ADO.NET connection string (contains the password for PostgreSQL: never log it).</param>
/// <param name="Description">A loggable description without credentials.</param>
public sealed record DatabaseSettings(DatabaseProvider Provider, string ConnectionString, string Description)
{
    /// <summary>Default SQLite file, relative to the working directory.</summary>
    public const string DefaultSqlitePath = "hanzo-qml.db";

    /// <summary>Resolves the settings from <c>Database:Url</c> (<c>HANZO_QML_DATABASE_URL</c>) or <c>Database:Path</c>.</summary>
    /// <param name="configuration">Configuration.</param>
    /// <exception cref="FormatException">When the URL is not a valid <c>postgresql://</c> or <c>sqlite:</c> URL.</exception>
    public static DatabaseSettings From(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var url = configuration["Database:Url"];
        if (!string.IsNullOrWhiteSpace(url)) return FromUrl(url);
        var path = configuration["Database:Path"];
        return Sqlite(string.IsNullOrWhiteSpace(path) ? DefaultSqlitePath : path);
    }

    /// <summary>SQLite on the file <paramref name="path"/>.</summary>
    /// <param name="path">File path.</param>
    public static DatabaseSettings Sqlite(string path) =>
        new(DatabaseProvider.Sqlite, $"Data Source={path};Pooling=True", $"SQLite file {Path.GetFullPath(path)}");

    /// <summary>
    /// Parses <c>postgresql://user:password@host:port/database</c> (also <c>postgres://</c>; query options
    /// <c>sslmode</c>, <c>pooling</c> and <c>maxpoolsize</c> pass through) or <c>sqlite:PATH</c>.
    /// </summary>
    /// <param name="url">The URL.</param>
    /// <exception cref="FormatException">When it cannot be parsed; the message never repeats the password.</exception>
    public static DatabaseSettings FromUrl(string url)
    {
        ArgumentNullException.ThrowIfNull(url);
        url = url.Trim();
        if (url.StartsWith("sqlite:", StringComparison.OrdinalIgnoreCase))
        {
            var path = url["sqlite:".Length..].TrimStart('/');
            if (url.StartsWith("sqlite:///", StringComparison.OrdinalIgnoreCase)) path = "/" + path;
            if (path.Length == 0) throw new FormatException("database url \"sqlite:\" names no file; write sqlite:PATH, e.g. sqlite:/var/lib/hanzo-qml/qml.db.");
            return Sqlite(path);
        }
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("postgresql" or "postgres"))
            throw new FormatException("database url must look like postgresql://user:password@host:port/database (or sqlite:PATH); the value given does not.");
        var database = uri.AbsolutePath.Trim('/');
        if (database.Length == 0 || string.IsNullOrEmpty(uri.Host))
            throw new FormatException($"database url postgresql://…@{uri.Host}:{uri.Port}/ must name a host and a database.");
        var builder = new Npgsql.NpgsqlConnectionStringBuilder
        {
            Host = uri.Host,
            Port = uri.Port > 0 ? uri.Port : 5432,
            Database = Uri.UnescapeDataString(database),
        };
        if (uri.UserInfo.Length > 0)
        {
            var parts = uri.UserInfo.Split(':', 2);
            builder.Username = Uri.UnescapeDataString(parts[0]);
            if (parts.Length == 2) builder.Password = Uri.UnescapeDataString(parts[1]);
        }
        foreach (var pair in uri.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var kv = pair.Split('=', 2);
            var value = kv.Length == 2 ? Uri.UnescapeDataString(kv[1]) : "";
            switch (kv[0].ToLowerInvariant())
            {
                case "sslmode": builder.SslMode = Enum.Parse<Npgsql.SslMode>(value, ignoreCase: true); break;
                case "pooling": builder.Pooling = bool.Parse(value); break;
                case "maxpoolsize": builder.MaxPoolSize = int.Parse(value, System.Globalization.CultureInfo.InvariantCulture); break;
                default: throw new FormatException($"database url option \"{kv[0]}\" is not supported; allowed: sslmode, pooling, maxpoolsize.");
            }
        }
        return new(DatabaseProvider.Postgres, builder.ConnectionString, $"PostgreSQL database {builder.Database} on {builder.Host}:{builder.Port} as {builder.Username}");
    }
}

/// <summary>Database providers.</summary>
public enum DatabaseProvider
{
    /// <summary>An embedded SQLite file (default).</summary>
    Sqlite,

    /// <summary>A PostgreSQL server.</summary>
    Postgres,
}
