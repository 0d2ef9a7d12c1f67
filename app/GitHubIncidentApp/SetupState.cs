using System.Collections.Concurrent;
using System.Security.Cryptography;

namespace GitHubIncidentApp;

/// <summary>
/// The setup flow's state: the <c>state</c> values this app handed to GitHub (each good once, for an hour: a callback
/// nobody started here is refused), the key that opens the setup page (printed at start: until the App is registered,
/// whoever opens the page registers it), and whether the App got registered, so the run loop starts again with it.
/// </summary>
public sealed class SetupState(string key, TimeProvider time, IHostApplicationLifetime lifetime)
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromHours(1);
    private readonly ConcurrentDictionary<string, DateTimeOffset> _issued = new(StringComparer.Ordinal);

    /// <summary>The App was registered and its credentials stored: the app stops to start again with them.</summary>
    public bool Registered { get; private set; }

    /// <summary>A new key for the setup page, as <see cref="IncidentApp"/> prints it.</summary>
    public static string NewKey() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));

    /// <summary>True for the key printed at start.</summary>
    public bool Opens(string? given) =>
        given is not null && CryptographicOperations.FixedTimeEquals(System.Text.Encoding.UTF8.GetBytes(given), System.Text.Encoding.UTF8.GetBytes(key));

    public string Issue()
    {
        var now = time.GetUtcNow();
        foreach (var (old, _) in _issued.Where(pair => pair.Value <= now))
        {
            _issued.TryRemove(old, out _);
        }

        var state = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        _issued[state] = now + Lifetime;
        return state;
    }

    /// <summary>True once for a state this app issued and that has not expired.</summary>
    public bool Redeem(string state) => _issued.TryRemove(state, out var expires) && expires > time.GetUtcNow();

    /// <summary>Stops the app once the response is sent, for the run loop to start it again with the stored credentials.</summary>
    public void Complete(HttpContext context)
    {
        Registered = true;
        context.Response.OnCompleted(() =>
        {
            lifetime.StopApplication();
            return Task.CompletedTask;
        });
    }
}
