using System.Net;
using GitHubIncidentApp.Core.Configuration;
using GitHubIncidentApp.Core.GitHub;
using GitHubIncidentApp.Core.Incidents.Decisions;
using GitHubIncidentApp.Core.Incidents.Settings;

namespace GitHubIncidentApp.Core.Incidents.Applying;

/// <summary>
/// Applies decided operations through the GitHub port, one REST call each, with the label set
/// computed here so a single <c>PATCH</c> can close and relabel together.
/// </summary>
/// <param name="issueTypes">Learns from each created issue whether its repository's issue type took; none: not checked.</param>
/// <param name="pins">Pins and unpins issues; none: pins are not applied.</param>
/// <param name="severityFields">Finds the severity issue field's value; none: the field is not set.</param>
public sealed class IncidentExecutor(IGitHubPort github, LabelCache labels, IssueTypeCheck? issueTypes = null, IssuePins? pins = null, SeverityFields? severityFields = null)
{
    private static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(5);

    /// <param name="issue">The incident's issue, or null when the operations open it.</param>
    /// <returns>The incident's issue, and the other incidents' issues whose pins gave way to its pin (the app unpinned them).</returns>
    public async Task<(IncidentIssue? Issue, IReadOnlyList<int> Unpinned)> ApplyAsync(RepoRef repo, IncidentIssue? issue, IReadOnlyList<IssueOperation> operations, CancellationToken cancellationToken)
    {
        var unpinned = new List<int>();
        foreach (var operation in operations)
        {
            issue = operation switch
            {
                EnsureLabels ensure => await EnsureLabelsAsync(repo, issue, ensure, cancellationToken),
                CreateIssue create => Written(repo, ToIncidentIssue(await CreateAsync(repo, create, cancellationToken))),
                SetSeverityField set => await SetSeverityFieldAsync(repo, Require(issue, operation), set.Wanted, cancellationToken),
                SaveStateInMarker => Written(repo, Require(issue, operation)),
                CommentOnIssue comment => await CommentAsync(repo, Require(issue, operation), comment, cancellationToken),
                UpdateIssue update => await UpdateAsync(repo, Require(issue, operation), update, cancellationToken),
                ReactToComment react => await ReactAsync(repo, issue, react, cancellationToken),
                AssignPeople assign => Written(repo, ToIncidentIssue(await github.AddAssigneesAsync(repo, Require(issue, operation).Number, assign.Logins, cancellationToken))),
                AddSubIssue sub => await AddSubIssueAsync(repo, Require(issue, operation), sub, cancellationToken),
                WriteOverrideLedger ledger => await WriteLedgerAsync(repo, issue, ledger, cancellationToken),
                PinIssue => await PinAsync(repo, Require(issue, operation), unpinned, cancellationToken),
                UnpinIssue => await UnpinAsync(repo, Require(issue, operation), cancellationToken),
                UnassignPeople unassign => Written(repo, ToIncidentIssue(await github.RemoveAssigneesAsync(repo, Require(issue, operation).Number, unassign.Logins, cancellationToken))),
                _ => throw new InvalidOperationException($"No way to apply {operation.GetType().Name}."),
            };
        }

        return (issue, unpinned);
    }

    private async Task<IssueSnapshot> CreateAsync(RepoRef repo, CreateIssue create, CancellationToken cancellationToken)
    {
        var issue = create.Issue;
        var learned = new List<ConfigProblem>();
        var created = create.SeverityField is { } wanted && severityFields is not null
            ? await CreateWithFieldAsync(repo, issue, wanted, severityFields, learned, cancellationToken)
            : await github.CreateIssueAsync(repo, issue, cancellationToken);
        if (issue.Type is { } type && issueTypes?.Observe(repo, type, created) is { } problem)
        {
            learned.Add(problem);
        }

        // Only the first issue that finds a problem costs a call more: the next ones carry the note from the start.
        return learned.Count > 0
            ? await github.UpdateIssueAsync(repo, created.Number,
                new IssueUpdate { Body = IssueBody.AddToContent(created.Body, IncidentDecider.ProblemsNote(learned.Select(p => p.ToString()))) }, cancellationToken)
            : created;
    }

    private async Task<IssueSnapshot> CreateWithFieldAsync(
        RepoRef repo, NewIssue issue, SeverityFieldWanted wanted, SeverityFields fields, List<ConfigProblem> learned, CancellationToken cancellationToken)
    {
        var (value, missing) = await fields.ChooseAsync(repo, wanted, cancellationToken);
        learned.AddRange(missing is null ? [] : [missing]);
        if (value is null)
        {
            return await github.CreateIssueAsync(repo, issue, cancellationToken);
        }

        try
        {
            var created = await github.CreateIssueAsync(repo, issue with { FieldValues = [value] }, cancellationToken);
            fields.Took(repo, inCreate: true);
            return created;
        }
        catch (GitHubApiException refusal) when (refusal.RateLimit is null && refusal.StatusCode is HttpStatusCode.UnprocessableEntity or HttpStatusCode.Forbidden)
        {
            // The field must not cost the incident its issue (an option removed since the fields were read, a field the
            // app may not set): open it without; a refusal of the issue itself comes again and is thrown as ever.
            var created = await github.CreateIssueAsync(repo, issue, cancellationToken);
            learned.AddRange(fields.Refused(repo, wanted, refusal) is { } problem ? [problem] : []);
            return created;
        }
    }

    private async Task<IncidentIssue> SetSeverityFieldAsync(RepoRef repo, IncidentIssue issue, SeverityFieldWanted wanted, CancellationToken cancellationToken)
    {
        if (severityFields is null)
        {
            return issue;
        }

        var (value, learned) = await severityFields.ChooseAsync(repo, wanted, cancellationToken);
        if (value is not null)
        {
            try
            {
                await github.SetIssueFieldValuesAsync(repo, issue.Number, [value], cancellationToken);
                severityFields.Took(repo, inCreate: false);
            }
            catch (GitHubApiException refusal) when (refusal.RateLimit is null && refusal.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.NotFound or HttpStatusCode.UnprocessableEntity)
            {
                learned = severityFields.Refused(repo, wanted, refusal);
            }
        }

        if (learned is not null)
        {
            // Said once, in the issue whose change found it: the repository's next issues carry it from the start.
            var fresh = await github.GetIssueAsync(repo, issue.Number, cancellationToken);
            await github.UpdateIssueAsync(repo, issue.Number,
                new IssueUpdate { Body = IssueBody.AddToContent(fresh.Body, IncidentDecider.ProblemsNote([learned.ToString()])) }, cancellationToken);
        }

        return issue;
    }

    private async Task<IncidentIssue> PinAsync(RepoRef repo, IncidentIssue issue, List<int> unpinned, CancellationToken cancellationToken)
    {
        if (pins is not null && await pins.PinAsync(repo, issue, cancellationToken) is { } gaveWay)
        {
            unpinned.Add(gaveWay);
        }

        return issue;
    }

    private async Task<IncidentIssue> UnpinAsync(RepoRef repo, IncidentIssue issue, CancellationToken cancellationToken)
    {
        if (pins is not null)
        {
            await pins.UnpinAsync(repo, issue, cancellationToken);
        }

        return issue;
    }

    private async Task<IncidentIssue?> EnsureLabelsAsync(RepoRef repo, IncidentIssue? issue, EnsureLabels ensure, CancellationToken cancellationToken)
    {
        await labels.EnsureAsync(repo, ensure.Labels, cancellationToken);
        return issue;
    }

    private async Task<IncidentIssue?> ReactAsync(RepoRef repo, IncidentIssue? issue, ReactToComment react, CancellationToken cancellationToken)
    {
        await github.AddReactionAsync(repo, react.CommentId, react.Reaction, cancellationToken);
        return issue;
    }

    private async Task<IncidentIssue?> WriteLedgerAsync(RepoRef repo, IncidentIssue? issue, WriteOverrideLedger ledger, CancellationToken cancellationToken)
    {
        // The ledger issue is the app's alone: its whole body is rewritten.
        var body = OnCall.OverrideLedger.Render(ledger.Overrides);
        if (ledger.LedgerIssue is { } number)
        {
            await github.UpdateIssueAsync(repo, number, new IssueUpdate { Body = body }, cancellationToken);
        }
        else
        {
            await github.CreateIssueAsync(repo, new NewIssue { Title = OnCall.OverrideLedger.Title, Body = body, Labels = [OnCall.OverrideLedger.Label] }, cancellationToken);
        }

        return issue;
    }

    private async Task<IncidentIssue> AddSubIssueAsync(RepoRef repo, IncidentIssue issue, AddSubIssue sub, CancellationToken cancellationToken)
    {
        await github.AddSubIssueAsync(repo, sub.Parent, issue.Id, cancellationToken);
        return issue;
    }

    private async Task<IncidentIssue> CommentAsync(RepoRef repo, IncidentIssue issue, CommentOnIssue comment, CancellationToken cancellationToken)
    {
        if (DeliveryScope.Current is not { } delivery)
        {
            await github.AddCommentAsync(repo, issue.Number, comment.Body, cancellationToken);
            return Written(repo, issue);
        }

        var tag = delivery.NextCommentTag();
        // Only a retry can find its comment posted; GitHub's clock may run a little behind ours.
        var posted = delivery.Retried && (await github.ListCommentBodiesAsync(repo, issue.Number, delivery.ReceivedAt - ClockSkew, cancellationToken))
            .Any(body => body.Contains(tag, StringComparison.Ordinal));
        if (!posted)
        {
            await github.AddCommentAsync(repo, issue.Number, $"{comment.Body}\n\n{tag}", cancellationToken);
            Written(repo, issue);
        }

        return issue;
    }

    private async Task<IncidentIssue> UpdateAsync(RepoRef repo, IncidentIssue issue, UpdateIssue update, CancellationToken cancellationToken)
    {
        string? body = null;
        var current = issue.Labels;
        // The body is the one field people edit freely, and a label change replaces the whole set: read the issue
        // now, so people's text survives and labels are changed from the set the issue has, not one a payload saw.
        if (update.Marker is not null || update.AddLabels.Count > 0 || update.RemoveLabels.Count > 0)
        {
            var fresh = await github.GetIssueAsync(repo, issue.Number, cancellationToken);
            body = update.Marker is null ? null : IssueBody.ReplaceSection(fresh.Body, update.Content, update.Marker);
            current = fresh.Labels;
        }

        var wanted = current
            .Where(l => !update.RemoveLabels.Contains(l, StringComparer.OrdinalIgnoreCase))
            .Concat(update.AddLabels)
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .ToList();
        var labelsChanged = !wanted.ToHashSet(StringComparer.OrdinalIgnoreCase).SetEquals(current);
        var patch = new IssueUpdate
        {
            Open = update.Open,
            StateReason = update.StateReason,
            Title = update.Title,
            Body = body,
            Labels = labelsChanged ? wanted : null,
        };
        if (patch.IsEmpty)
        {
            return issue with { Labels = current };
        }

        return Written(repo, ToIncidentIssue(await github.UpdateIssueAsync(repo, issue.Number, patch, cancellationToken)));
    }

    // The incident's issue changed on GitHub: its marker may need to catch up (see MarkerWriteBack).
    private static IncidentIssue Written(RepoRef repo, IncidentIssue issue)
    {
        WrittenIssues.Add(repo, issue.Number);
        return issue;
    }

    private static IncidentIssue ToIncidentIssue(IssueSnapshot snapshot) =>
        new(snapshot.Number, snapshot.Labels, snapshot.HtmlUrl) { Assignees = snapshot.Assignees, Id = snapshot.Id, NodeId = snapshot.NodeId };

    private static IncidentIssue Require(IncidentIssue? issue, IssueOperation operation) =>
        issue ?? throw new InvalidOperationException($"{operation.GetType().Name} needs an issue, and none was opened before it.");
}
