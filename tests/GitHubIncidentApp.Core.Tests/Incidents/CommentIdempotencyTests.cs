using GitHubIncidentApp.Core.GitHub;
using GitHubIncidentApp.Core.Incidents.Applying;
using GitHubIncidentApp.Core.Incidents.Decisions;
using NSubstitute;

namespace GitHubIncidentApp.Core.Tests.Incidents;

/// <summary>A delivery's comments carry a hidden tag; its retry reads them back and posts none twice.</summary>
public sealed class CommentIdempotencyTests
{
    private static readonly RepoRef Repo = new("operate-first", "incidents");
    private static readonly IncidentIssue Issue = new(7, []);
    private static readonly DateTimeOffset Received = new(2026, 11, 24, 3, 0, 0, TimeSpan.Zero);

    private readonly IGitHubPort _github = Substitute.For<IGitHubPort>();
    private readonly List<string> _posted = [];

    public CommentIdempotencyTests()
    {
        _github.AddCommentAsync(Repo, 7, Arg.Do<string>(_posted.Add), Arg.Any<CancellationToken>()).Returns(Task.CompletedTask);
        _github.ListCommentBodiesAsync(Repo, 7, Arg.Any<DateTimeOffset>(), Arg.Any<CancellationToken>())
            .Returns(_ => Task.FromResult<IReadOnlyList<string>>([.. _posted]));
    }

    private Task ApplyAsync(params string[] comments) =>
        new IncidentExecutor(_github, new LabelCache(_github))
            .ApplyAsync(Repo, Issue, [.. comments.Select(body => new CommentOnIssue(body))], CancellationToken.None);

    [Fact]
    public async Task A_first_attempt_tags_its_comments_and_reads_nothing()
    {
        using (DeliveryScope.Enter("delivery-1", Received, retried: false))
        {
            await ApplyAsync("Resolved.", "Escalated.");
        }

        Assert.Equal(["Resolved.\n\n<!-- incident-app:comment delivery-1/1 -->", "Escalated.\n\n<!-- incident-app:comment delivery-1/2 -->"], _posted);
        await _github.DidNotReceiveWithAnyArgs().ListCommentBodiesAsync(default!, default, default, default);
    }

    [Fact]
    public async Task A_retry_posts_only_the_comments_its_first_attempt_did_not()
    {
        using (DeliveryScope.Enter("delivery-1", Received, retried: false))
        {
            await ApplyAsync("Resolved.");
        }

        using (DeliveryScope.Enter("delivery-1", Received, retried: true))
        {
            await ApplyAsync("Resolved.", "Escalated.");
        }

        Assert.Equal(2, _posted.Count);
        Assert.EndsWith("delivery-1/2 -->", _posted[1], StringComparison.Ordinal);
        await _github.Received().ListCommentBodiesAsync(Repo, 7, Received - TimeSpan.FromMinutes(5), Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task Another_delivery_with_the_same_text_comments_again_and_outside_a_delivery_nothing_is_tagged()
    {
        using (DeliveryScope.Enter("delivery-1", Received, retried: false))
        {
            await ApplyAsync("Resolved.");
        }

        using (DeliveryScope.Enter("delivery-2", Received, retried: true))
        {
            await ApplyAsync("Resolved.");
        }

        await ApplyAsync("Resolved.");

        Assert.Equal(3, _posted.Count);
        Assert.Equal("Resolved.", _posted[2]);
        Assert.Null(DeliveryScope.Current);
    }
}
