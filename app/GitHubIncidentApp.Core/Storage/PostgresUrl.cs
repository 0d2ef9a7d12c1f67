using System.Globalization;
using Npgsql;

namespace GitHubIncidentApp.Core.Storage;

/// <summary>
/// <c>DATABASE_URL</c> in the usual URL form, <c>postgres://user:password@host:port/database?sslmode=require</c>
/// (or <c>postgresql://</c>), turned into an Npgsql connection string. Messages never repeat the password.
/// </summary>
public static class PostgresUrl
{
    public const int DefaultPort = 5432;

    private const string Example = "postgres://incident_app:PASSWORD@db.example.com:5432/incidents?sslmode=require";

    private static readonly Dictionary<string, SslMode> SslModes = new(StringComparer.Ordinal)
    {
        ["disable"] = SslMode.Disable,
        ["allow"] = SslMode.Allow,
        ["prefer"] = SslMode.Prefer,
        ["require"] = SslMode.Require,
        ["verify-ca"] = SslMode.VerifyCA,
        ["verify-full"] = SslMode.VerifyFull,
    };

    /// <summary>Whether <paramref name="url"/> asks for PostgreSQL (its scheme), well-formed or not.</summary>
    public static bool IsPostgres(string url) =>
        url.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase) || url.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase);

    /// <exception cref="FormatException">The URL is malformed; the message says what to fix and leaves the password out.</exception>
    public static NpgsqlConnectionStringBuilder Parse(string url)
    {
        ArgumentNullException.ThrowIfNull(url);
        if (!IsPostgres(url))
        {
            throw Invalid("it must start with postgres:// or postgresql:// (only PostgreSQL is supported; leave DATABASE_URL unset to keep the data in a SQLite file in DATA_DIR)");
        }

        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Fragment.Length > 0)
        {
            throw Invalid("it is not a well-formed URL; percent-encode special characters in the user name and password ('@' as %40, ':' as %3A, '/' as %2F, '#' as %23, '?' as %3F)");
        }

        var host = uri.IdnHost;
        if (host.Length == 0)
        {
            throw Invalid("it names no host");
        }

        var database = Uri.UnescapeDataString(uri.AbsolutePath.TrimStart('/'));
        if (database.Length == 0 || database.Contains('/', StringComparison.Ordinal))
        {
            throw Invalid("its path must be the database name, such as /incidents");
        }

        var builder = new NpgsqlConnectionStringBuilder
        {
            Host = host,
            Port = uri.Port > 0 ? uri.Port : DefaultPort,
            Database = database,
        };
        if (uri.UserInfo.Length > 0)
        {
            var separator = uri.UserInfo.IndexOf(':', StringComparison.Ordinal);
            builder.Username = Uri.UnescapeDataString(separator < 0 ? uri.UserInfo : uri.UserInfo[..separator]);
            if (separator >= 0)
            {
                builder.Password = Uri.UnescapeDataString(uri.UserInfo[(separator + 1)..]);
            }
        }

        foreach (var (name, value) in QueryParameters(uri.Query))
        {
            Apply(builder, name, value);
        }

        return builder;
    }

    /// <summary>Where the connection goes, for logs and messages: the URL without its password.</summary>
    public static string Describe(NpgsqlConnectionStringBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var user = builder.Username is { Length: > 0 } name ? Uri.EscapeDataString(name) + "@" : "";
        var host = builder.Host is { } h && h.Contains(':', StringComparison.Ordinal) ? $"[{h}]" : builder.Host;
        return $"postgres://{user}{host}:{builder.Port.ToString(CultureInfo.InvariantCulture)}/{Uri.EscapeDataString(builder.Database ?? "")}";
    }

    private static void Apply(NpgsqlConnectionStringBuilder builder, string name, string value)
    {
        switch (name)
        {
            case "sslmode" when SslModes.TryGetValue(value, out var mode):
                builder.SslMode = mode;
                break;
            case "sslmode":
                throw Invalid($"sslmode '{value}' is not one of {string.Join(", ", SslModes.Keys)}");
            case "connect_timeout" when int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) && seconds > 0:
                builder.Timeout = seconds;
                break;
            case "connect_timeout":
                throw Invalid($"connect_timeout '{value}' is not a whole number of seconds above 0");
            case "application_name":
                builder.ApplicationName = value;
                break;
            default:
                throw Invalid($"the parameter '{name}' is not supported; use sslmode, connect_timeout or application_name");
        }
    }

    private static IEnumerable<(string Name, string Value)> QueryParameters(string query)
    {
        foreach (var pair in query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var separator = pair.IndexOf('=', StringComparison.Ordinal);
            yield return separator < 0
                ? (Uri.UnescapeDataString(pair), "")
                : (Uri.UnescapeDataString(pair[..separator]), Uri.UnescapeDataString(pair[(separator + 1)..]));
        }
    }

    private static FormatException Invalid(string problem) =>
        new($"DATABASE_URL is not a PostgreSQL URL: {problem}. Use the form {Example}.");
}
