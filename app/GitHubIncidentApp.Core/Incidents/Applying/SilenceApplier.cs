using GitHubIncidentApp.Core.Alerts;
using GitHubIncidentApp.Core.Incidents.Decisions;
using GitHubIncidentApp.Core.Storage;

namespace GitHubIncidentApp.Core.Incidents.Applying;

/// <summary>
/// Applies the Alertmanager side of <c>/silence</c> and <c>/unsilence</c> through the <see cref="ISilencePort"/>, in order,
/// stopping at the first failure; what came of it goes back to the decision (<see cref="CommandDecider.Settle"/>).
/// </summary>
/// <param name="port">Null when the host has no Alertmanager to reach (or only dry-runs): then <paramref name="off"/> says what to set.</param>
public sealed class SilenceApplier(ISilencePort? port, string off, DeliveryMetrics metrics)
{
    /// <summary>Why silences cannot be made here; null when they can.</summary>
    public string? Off => port is null ? off : null;

    public async Task<SilenceResult> ApplyAsync(SilencePlan plan, CancellationToken cancellationToken)
    {
        var silences = port ?? throw new InvalidOperationException($"A silence was planned where none can be made: {off}");
        var result = new SilenceResult();
        foreach (var operation in plan.Operations)
        {
            try
            {
                result = operation switch
                {
                    CreateSilence create => await CreateAsync(silences, create, result, cancellationToken),
                    ExpireSilence expire => result with { Ended = await ExpireAsync(silences, expire, cancellationToken) },
                    _ => throw new InvalidOperationException($"{operation.GetType().Name} is not an Alertmanager operation."),
                };
            }
            catch (Exception e) when (e is AlertmanagerUnavailableException or AlertmanagerSilenceException)
            {
                metrics.Silences.Increment("failed");
                return result with { Failure = e.Message };
            }
        }

        return result;
    }

    private async Task<SilenceResult> CreateAsync(ISilencePort silences, CreateSilence create, SilenceResult result, CancellationToken cancellationToken)
    {
        var id = await silences.CreateAsync(create.Request, cancellationToken);
        metrics.Silences.Increment("created");
        return result with { CreatedId = id, CreatedUrl = silences.LinkTo(id) };
    }

    private async Task<bool> ExpireAsync(ISilencePort silences, ExpireSilence expire, CancellationToken cancellationToken)
    {
        var ended = await silences.ExpireAsync(expire.Id, cancellationToken);
        if (ended)
        {
            metrics.Silences.Increment("expired");
        }

        return ended;
    }
}
