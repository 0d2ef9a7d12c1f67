using GitHubIncidentApp.Core.Configuration;
using GitHubIncidentApp.Core.GitHub;
using GitHubIncidentApp.Core.Incidents.Settings;
using GitHubIncidentApp.Core.OnCall;

namespace GitHubIncidentApp.Core.Incidents.Decisions;

public static partial class CommandDecider
{
    /// <summary>The incident as the commands leave it, before anything is sent.</summary>
    private sealed class Working(IncidentState state, bool open, IReadOnlyList<string> labels, IReadOnlyList<string> assignees, TakenOverrides taken)
    {
        private readonly TakenOverrides _taken = taken;

        /// <summary>The override ledger as the commands leave it.</summary>
        public IReadOnlyList<OnCallOverride> Ledger { get; set; } = taken.Entries;

        private readonly bool _wasOpen = open;
        private readonly HashSet<string> _labelsBefore = new(labels, StringComparer.OrdinalIgnoreCase);

        public IncidentState State { get; set; } = state;

        /// <summary>The place in the reply of the command being applied.</summary>
        public int Index { get; set; }

        public required SilenceInputs Silences { get; init; }

        public required IncidentContext Context { get; init; }

        /// <summary>Comments the commands post (a post-mortem), after the issue's update and before the reply.</summary>
        public List<CommentOnIssue> Comments { get; } = [];

        /// <summary>What the comment asks of Alertmanager; one <c>/silence</c> or <c>/unsilence</c> at most.</summary>
        public SilencePlan? Silence { get; set; }

        public bool Open { get; set; } = open;
        public HashSet<string> Labels { get; } = new(labels, StringComparer.OrdinalIgnoreCase);
        public IReadOnlyList<string> Assignees { get; } = assignees;
        public List<string> Assign { get; } = [];
        public List<string> Unassign { get; } = [];
        public List<LabelSpec> NewLabels { get; } = [];
        public List<string> Splits { get; } = [];

        public IReadOnlyList<IssueOperation> Operations(IncidentState before, IncidentConfig config)
        {
            var operations = new List<IssueOperation>();
            var add = Labels.Except(_labelsBefore, StringComparer.OrdinalIgnoreCase).ToList();
            var remove = _labelsBefore.Except(Labels, StringComparer.OrdinalIgnoreCase).ToList();
            var stateChanged = State != before;
            if (add.Count > 0)
            {
                operations.Add(new EnsureLabels([.. NewLabels, .. StandardLabels(config).Where(l => add.Contains(l.Name, StringComparer.OrdinalIgnoreCase))]));
            }

            if (add.Count > 0 || remove.Count > 0 || Open != _wasOpen || stateChanged)
            {
                operations.Add(new UpdateIssue
                {
                    Open = Open == _wasOpen ? null : Open,
                    StateReason = !Open && _wasOpen ? "completed" : null,
                    AddLabels = add,
                    RemoveLabels = remove,
                    // The marker is the incident's record on GitHub: it changes with the state.
                    Marker = stateChanged ? State : null,
                });
            }

            if (Assign.Count > 0)
            {
                operations.Add(new AssignPeople(Assign));
            }

            if (!ReferenceEquals(Ledger, _taken.Entries))
            {
                operations.Add(new WriteOverrideLedger(_taken.Issue, Ledger));
            }

            if (Unassign.Count > 0)
            {
                operations.Add(new UnassignPeople(Unassign));
            }

            operations.AddRange(Comments);
            return operations;
        }

        private static IEnumerable<LabelSpec> StandardLabels(IncidentConfig config) =>
            [IncidentDecider.AcknowledgedLabelSpec, IncidentDecider.ResolvedLabelSpec(config), PostmortemDecider.LabelSpec, PostmortemDecider.PendingLabelSpec];
    }
}
