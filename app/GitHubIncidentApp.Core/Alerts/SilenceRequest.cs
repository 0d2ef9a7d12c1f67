using GitHubIncidentApp.Core.Alerts.Matchers;

namespace GitHubIncidentApp.Core.Alerts;

/// <summary>A silence to create in Alertmanager (its API's <c>postableSilence</c>): every matcher must hold for an alert to be silenced.</summary>
public sealed record SilenceRequest
{
    public required IReadOnlyList<Matcher> Matchers { get; init; }
    public required DateTimeOffset StartsAt { get; init; }
    public required DateTimeOffset EndsAt { get; init; }

    /// <summary>Who asked for it, as Alertmanager's UI shows it.</summary>
    public required string CreatedBy { get; init; }

    /// <summary>Why, or where it came from (an issue's URL).</summary>
    public required string Comment { get; init; }
}

/// <summary>A silence as Alertmanager holds it (its API's <c>gettableSilence</c>).</summary>
/// <param name="State"><c>active</c>, <c>pending</c> or <c>expired</c>.</param>
public sealed record Silence(string Id, string State, IReadOnlyList<Matcher> Matchers, DateTimeOffset StartsAt, DateTimeOffset EndsAt, string CreatedBy, string Comment)
{
    public const string Expired = "expired";
}

/// <summary>Creates and expires silences; <see cref="AlertmanagerSilences"/> through Alertmanager's API v2.</summary>
public interface ISilencePort
{
    /// <summary>Where people see a silence: Alertmanager's UI.</summary>
    string LinkTo(string id);

    /// <returns>The new silence's id.</returns>
    Task<string> CreateAsync(SilenceRequest request, CancellationToken cancellationToken);

    /// <returns>False when the silence had already ended or is gone (Alertmanager forgets expired ones after its retention).</returns>
    Task<bool> ExpireAsync(string id, CancellationToken cancellationToken);

    /// <returns>Null when Alertmanager does not know it.</returns>
    Task<Silence?> GetAsync(string id, CancellationToken cancellationToken);
}

/// <summary>Alertmanager refused a silence, or answered what is not one; the message says what and what to check.</summary>
public sealed class AlertmanagerSilenceException(string message) : Exception(message);
