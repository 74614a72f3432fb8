using System.Globalization;

namespace Hanzo.Qml.Server.Configuration;

/// <summary>The flags of <see cref="ServeOverrides"/> as the last, strongest configuration source.</summary>
/// <param name="Overrides">The flags.</param>
public sealed record ServeOverridesSource(ServeOverrides Overrides) : IConfigurationSource
{
    /// <inheritdoc />
    public IConfigurationProvider Build(IConfigurationBuilder builder) => new ServeOverridesProvider(Overrides);
}

/// <summary>Loads a <see cref="ServeOverridesSource"/>.</summary>
public sealed class ServeOverridesProvider : TrackedConfigurationProvider
{
    private readonly ServeOverrides _overrides;

    /// <summary>Creates the provider.</summary>
    public ServeOverridesProvider(ServeOverrides overrides)
    {
        ArgumentNullException.ThrowIfNull(overrides);
        _overrides = overrides;
    }

    /// <inheritdoc />
    public override void Load()
    {
        Reset();
        var inv = CultureInfo.InvariantCulture;
        if (_overrides.Host is { } host) Set("Server:Host", host, "--host");
        if (_overrides.Port is { } port) Set("Server:Port", port.ToString(inv), "--port");
        if (_overrides.MetricsPort is { } metrics) Set("Metrics:Port", metrics.ToString(inv), "--metrics-port");
    }
}
