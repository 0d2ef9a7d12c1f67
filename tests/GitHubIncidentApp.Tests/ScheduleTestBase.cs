using GitHubIncidentApp.Testing;
using GitHubIncidentApp.Testing.FakeGitHub;
using Microsoft.Extensions.Time.Testing;

namespace GitHubIncidentApp.Tests;

/// <summary>
/// The app with the weekly schedule (<see cref="Schedules.Weekly"/>, plus what a test adds) on a clock the test moves,
/// from Monday 2026-11-23 10:00 in Berlin, when bob has the week and carol the next; alice, bob and carol may triage.
/// </summary>
public abstract class ScheduleTestBase : AppTestBase
{
    protected FakeTimeProvider TestClock { get; } = new(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero));

    protected override TimeProvider Clock => TestClock;

    /// <summary>Config the test adds after the schedule.</summary>
    protected virtual string ExtraConfig => "";

    protected FakeIssue Incident => Assert.Single(Repo.Issues, i => i.Labels.Contains("incident"));

    protected List<FakeComment> Escalations => Incident.Comments.Where(c => c.Body.Contains("Escalating", StringComparison.Ordinal)).ToList();

    protected override Task<RunningApp> StartAppAsync()
    {
        foreach (var person in new[] { "alice", "bob", "carol" })
        {
            Repo.SetRole(person, "triage");
        }

        Repo.SetFile(".github/incidents.yml", Schedules.Weekly + ExtraConfig);
        return base.StartAppAsync();
    }

    /// <summary>Moves the clock past the escalation clock's tick and lets the app do what became due.</summary>
    protected async Task AdvanceAsync(TimeSpan by)
    {
        TestClock.Advance(by);
        TestClock.Advance(TimeSpan.FromSeconds(20));
        await Task.Delay(300);
        await App.WaitUntilIdleAsync();
    }

    /// <summary>Posts <paramref name="body"/> as <paramref name="author"/>'s comment on <paramref name="issue"/> and lets the app answer it.</summary>
    protected async Task CommentAsync(int issue, string author, string body)
    {
        var comment = Repo.AddComment(issue, author, body);
        var payload = Webhooks.Comment(Repo, Repo.Issue(issue), comment);
        await Webhooks.PostAsync(App.BaseUrl, "issue_comment", payload, Webhooks.Sign(payload), $"comment-{comment.Id}");
        await App.WaitUntilIdleAsync();
    }

    /// <summary>Waits (in real time) for what the clock made due to be applied.</summary>
    protected static async Task EventuallyAsync(Func<bool> condition)
    {
        for (var waited = 0; waited < 10_000 && !condition(); waited += 50)
        {
            await Task.Delay(50);
        }
    }
}
