namespace GitHubIncidentApp.Core.Templates;

public enum TemplateKind
{
    Title,
    Body,
    Comment,

    /// <summary>The post-mortem <c>/postmortem</c> posts as a comment.</summary>
    Postmortem,
}
