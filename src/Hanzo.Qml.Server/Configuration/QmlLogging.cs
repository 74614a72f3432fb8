namespace Hanzo.Qml.Server.Configuration;

/// <summary>
/// Console logging from <c>logging:</c>: one JSON object per line with a UTC timestamp (<c>json</c>, the default, for log
/// collectors) or one plain line per entry (<c>text</c>), at the configured minimum level.
/// </summary>
public static class QmlLogging
{
    /// <summary>Categories whose routine Information messages (every request, every SQL command) are kept at Warning unless a lower level is asked for.</summary>
    private static readonly string[] ChattyCategories = ["Microsoft.AspNetCore", "Microsoft.EntityFrameworkCore"];

    /// <summary>The <see cref="LogLevel"/> of a validated level name.</summary>
    public static LogLevel Level(LoggingSection section)
    {
        ArgumentNullException.ThrowIfNull(section);
        return Enum.Parse<LogLevel>(section.Level, ignoreCase: true);
    }

    /// <summary>Replaces the logging providers with the configured console output.</summary>
    /// <param name="logging">The application's logging builder.</param>
    /// <param name="section">The validated <c>logging:</c> section.</param>
    public static ILoggingBuilder ConfigureQmlLogging(this ILoggingBuilder logging, LoggingSection section)
    {
        ArgumentNullException.ThrowIfNull(logging);
        ArgumentNullException.ThrowIfNull(section);
        logging.ClearProviders();
        if (string.Equals(section.Format, "text", StringComparison.OrdinalIgnoreCase))
        {
            logging.AddSimpleConsole(o =>
            {
                o.SingleLine = true;
                o.UseUtcTimestamp = true;
                o.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ ";
            });
        }
        else
        {
            logging.AddJsonConsole(o =>
            {
                o.UseUtcTimestamp = true;
                o.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ";
                o.IncludeScopes = false;
                o.JsonWriterOptions = new System.Text.Json.JsonWriterOptions { Indented = false };
            });
        }
        var level = Level(section);
        logging.SetMinimumLevel(level);
        var chatty = level < LogLevel.Information ? level : LogLevel.Warning;
        foreach (var category in ChattyCategories) logging.AddFilter(category, chatty);
        return logging;
    }
}
