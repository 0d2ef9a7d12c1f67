namespace GitHubIncidentApp.Core.Storage;

/// <summary>
/// The schema as ordered steps: step <c>i</c> takes a database from version <c>i</c> to <c>i + 1</c>.
/// Append new steps; never edit one that has shipped. Plain SQL, so a PostgreSQL twin stays easy.
/// </summary>
internal static class SqliteMigrations
{
    public static readonly IReadOnlyList<string> Steps =
    [
        // Version 1: the inbox, the incident index and the list of fully indexed repositories.
        // Times are ISO-8601 UTC text (see SqliteTime); repo_id is the lower-cased "owner/name".
        """
        CREATE TABLE inbox (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            source TEXT NOT NULL,
            delivery_id TEXT NOT NULL,
            repo TEXT NOT NULL,
            incident_key TEXT NOT NULL,
            payload TEXT NOT NULL,
            received_at TEXT NOT NULL,
            status TEXT NOT NULL CHECK (status IN ('pending', 'claimed', 'done', 'failed')),
            attempts INTEGER NOT NULL DEFAULT 0,
            not_before TEXT,
            last_error TEXT,
            claimed_at TEXT,
            finished_at TEXT,
            UNIQUE (source, delivery_id)
        );
        CREATE INDEX inbox_by_status ON inbox (status, id);
        CREATE INDEX inbox_by_key ON inbox (incident_key, status, id);

        CREATE TABLE incidents (
            repo_id TEXT NOT NULL,
            owner TEXT NOT NULL,
            name TEXT NOT NULL,
            incident_key TEXT NOT NULL,
            issue_number INTEGER NOT NULL,
            state_json TEXT NOT NULL,
            labels_json TEXT NOT NULL,
            updated_at TEXT NOT NULL,
            PRIMARY KEY (repo_id, incident_key)
        );

        CREATE TABLE indexed_repos (
            repo_id TEXT PRIMARY KEY
        );
        """,

        // 2: comments and issue events find their incident by issue number.
        """
        CREATE INDEX incidents_by_issue ON incidents (repo_id, issue_number);
        """,

        // 3: when an incident's next timed step (escalation, acknowledgement timeout) is due.
        """
        ALTER TABLE incidents ADD COLUMN due_at TEXT;
        CREATE INDEX incidents_by_due ON incidents (due_at) WHERE due_at IS NOT NULL;
        """,

        // 4: claims are leases (several replicas, or a process that died, must not hold a key forever),
        // and urgent deliveries go first. Claims from before the upgrade are expired at once.
        """
        ALTER TABLE inbox ADD COLUMN claimed_until TEXT;
        ALTER TABLE inbox ADD COLUMN priority INTEGER NOT NULL DEFAULT 0;
        UPDATE inbox SET claimed_until = claimed_at WHERE status = 'claimed';
        CREATE INDEX inbox_by_priority ON inbox (status, priority DESC, id);
        """,

        // 5: a delivery coalesced into a newer one of its key is done, and names the row that superseded it.
        // A claim walks the waiting rows only, in the order it hands them out, and stops at the first it may
        // take; inbox_by_status serves what inbox_by_priority did besides.
        """
        ALTER TABLE inbox ADD COLUMN superseded_by INTEGER;
        CREATE INDEX inbox_waiting ON inbox (priority DESC, id) WHERE status IN ('pending', 'claimed');
        DROP INDEX inbox_by_priority;
        """,

        // 6: the slots in which each installation (lower-cased owner) may create content, so a restart keeps
        // to GitHub's limits; slots older than an hour are pruned as new ones are taken.
        """
        CREATE TABLE content_slots (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            installation TEXT NOT NULL,
            slot_at TEXT NOT NULL
        );
        CREATE INDEX content_slots_by_installation ON content_slots (installation, slot_at);
        """,

        // 7: what each repository's settings were last read from, so a restart reuses a recent read.
        """
        CREATE TABLE settings_snapshots (
            repo_id TEXT PRIMARY KEY,
            read_at TEXT NOT NULL,
            snapshot_json TEXT NOT NULL
        );
        """,
    ];
}
