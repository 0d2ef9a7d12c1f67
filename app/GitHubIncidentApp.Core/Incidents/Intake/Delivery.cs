using System.Globalization;
using System.Text;
using GitHubIncidentApp.Core.Alerts;
using GitHubIncidentApp.Core.GitHub;
using GitHubIncidentApp.Core.Storage;

namespace GitHubIncidentApp.Core.Incidents.Intake;

/// <summary>
/// An inbox item read back as what it asks for (see <see cref="InboxItems"/> for the other way): the one place where
/// a stored source and payload are parsed, for the App's inbox and the Action's run alike.
/// </summary>
public abstract record Delivery
{
    private Delivery()
    {
    }

    /// <summary>An Alertmanager group's alerts, for the incident in <paramref name="Repo"/>.</summary>
    public sealed record Alerts(RepoRef Repo, AlertmanagerPayload Payload) : Delivery;

    /// <summary>Something that happened on GitHub.</summary>
    public sealed record Event(GitHubEvent GitHubEvent) : Delivery;

    /// <summary>A GitHub event the app does not use, with the reason.</summary>
    public sealed record IgnoredEvent(string Reason) : Delivery;

    /// <summary>The due timed step of the incident in issue <paramref name="IssueNumber"/>.</summary>
    public sealed record TimedStep(RepoRef Repo, int IssueNumber) : Delivery;

    /// <exception cref="InvalidDeliveryException">The item can never be handled: retrying cannot mend it.</exception>
    public static Delivery Read(InboxItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        if (item.Source.StartsWith(InboxSources.GitHubPrefix, StringComparison.Ordinal))
        {
            var parsed = GitHubEventParser.Parse(item.Source[InboxSources.GitHubPrefix.Length..], item.Payload, item.DeliveryId);
            return parsed.Error is not null ? throw new InvalidDeliveryException($"the stored GitHub delivery cannot be read: {parsed.Error}")
                : parsed.Event is { } gitHubEvent ? new Event(gitHubEvent)
                : new IgnoredEvent(parsed.IgnoredReason!);
        }

        if (item.Source == InboxSources.Timer)
        {
            return RepoRef.TryParse(item.Repo, out var timerRepo) && int.TryParse(item.Payload, NumberStyles.None, CultureInfo.InvariantCulture, out var issueNumber)
                ? new TimedStep(timerRepo, issueNumber)
                : throw new InvalidDeliveryException($"the stored timer delivery names no issue: '{item.Repo}' '{item.Payload}'");
        }

        if (item.Source != InboxSources.Alertmanager)
        {
            throw new InvalidDeliveryException($"no handler for deliveries from '{item.Source}'");
        }

        var alerts = AlertmanagerPayloadParser.Parse(Encoding.UTF8.GetBytes(item.Payload));
        if (alerts.Payload is null)
        {
            throw new InvalidDeliveryException($"the stored delivery cannot be read: {string.Join("; ", alerts.Errors)}");
        }

        // Only a delivery stored before names were checked on arrival can fail here.
        var (repo, problem) = RepoRef.Parse(item.Repo);
        return repo is not null
            ? new Alerts(repo, alerts.Payload)
            : throw new InvalidDeliveryException($"the stored delivery's repository is refused ({problem}); send the alerts again to a valid repository");
    }
}

/// <summary>A stored delivery that can never be processed.</summary>
public sealed class InvalidDeliveryException(string message) : Exception(message);
