using System.Net.Http.Json;
using System.Text.Json;

namespace GitHubIncidentApp.Testing.Alertmanager;

/// <summary>What the test Alertmanager holds: its alert groups and its silences, read through its API v2.</summary>
public sealed partial class AlertmanagerProcess
{
    /// <summary>The groups Alertmanager holds now, with their active alerts (resolved ones are left out).</summary>
    public async Task<IReadOnlyList<AlertmanagerAlertGroup>> GetAlertGroupsAsync(CancellationToken ct = default)
    {
        var groups = await http.GetFromJsonAsync<List<AlertmanagerAlertGroup>>("api/v2/alerts/groups", Json, ct).ConfigureAwait(false);
        return groups ?? throw new InvalidOperationException($"Alertmanager answered GET {BaseUrl}api/v2/alerts/groups with null. Its log:\n{Log}");
    }

    /// <summary>Every silence Alertmanager holds, expired ones included.</summary>
    public async Task<IReadOnlyList<AlertmanagerSilence>> GetSilencesAsync(CancellationToken ct = default)
    {
        var silences = await http.GetFromJsonAsync<List<AlertmanagerSilence>>("api/v2/silences", Json, ct).ConfigureAwait(false);
        return silences ?? throw new InvalidOperationException($"Alertmanager answered GET {BaseUrl}api/v2/silences with null. Its log:\n{Log}");
    }

    /// <summary>
    /// Polls <see cref="GetAlertGroupsAsync"/> until <paramref name="until"/> holds: a posted alert reaches the
    /// groups a moment later, and a resolved one leaves them once its endsAt has passed.
    /// </summary>
    public async Task<IReadOnlyList<AlertmanagerAlertGroup>> WaitForAlertGroupsAsync(
        Func<IReadOnlyList<AlertmanagerAlertGroup>, bool> until, TimeSpan? timeout = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(until);
        var deadline = TimeProvider.System.GetUtcNow() + (timeout ?? TimeSpan.FromSeconds(10));
        while (true)
        {
            var groups = await GetAlertGroupsAsync(ct).ConfigureAwait(false);
            if (until(groups))
            {
                return groups;
            }

            if (TimeProvider.System.GetUtcNow() > deadline)
            {
                throw new TimeoutException(
                    $"Alertmanager's groups did not reach the expected state in time; they are {JsonSerializer.Serialize(groups, Json)}. Its log:\n{Log}");
            }

            await Task.Delay(ReadinessPollInterval, ct).ConfigureAwait(false);
        }
    }
}
