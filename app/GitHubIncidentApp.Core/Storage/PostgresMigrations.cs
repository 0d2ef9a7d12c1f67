namespace GitHubIncidentApp.Core.Storage;

/// <summary>
/// The PostgreSQL schema as ordered steps, the twin of <see cref="SqliteMigrations"/> in PostgreSQL's types
/// (times are timestamptz). Append new steps; never edit one that has shipped.
/// </summary>
internal static class PostgresMigrations
{
    public static readonly IReadOnlyList<string> Steps =
    [
        // Version 1: the inbox (claims are leases), the incident index and the list of fully indexed
        // repositories; the same tables as SQLite's version 4. repo_id is the lower-cased "owner/name".
        """
        CREATE TABLE inbox (
            id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            source text NOT NULL,
            delivery_id text NOT NULL,
            repo text NOT NULL,
            incident_key text NOT NULL,
            payload text NOT NULL,
            received_at timestamptz NOT NULL,
            priority integer NOT NULL DEFAULT 0,
            status text NOT NULL CHECK (status IN ('pending', 'claimed', 'done', 'failed')),
            attempts integer NOT NULL DEFAULT 0,
            not_before timestamptz,
            last_error text,
            claimed_at timestamptz,
            claimed_until timestamptz,
            finished_at timestamptz,
            UNIQUE (source, delivery_id)
        );
        CREATE INDEX inbox_by_priority ON inbox (status, priority DESC, id);
        CREATE INDEX inbox_by_key ON inbox (incident_key, status, id);

        CREATE TABLE incidents (
            repo_id text NOT NULL,
            owner text NOT NULL,
            name text NOT NULL,
            incident_key text NOT NULL,
            issue_number integer NOT NULL,
            state_json text NOT NULL,
            labels_json text NOT NULL,
            updated_at timestamptz NOT NULL,
            due_at timestamptz,
            PRIMARY KEY (repo_id, incident_key)
        );
        CREATE INDEX incidents_by_issue ON incidents (repo_id, issue_number);
        CREATE INDEX incidents_by_due ON incidents (due_at) WHERE due_at IS NOT NULL;

        CREATE TABLE indexed_repos (
            repo_id text PRIMARY KEY
        );
        """,

        // 2: a delivery coalesced into a newer one of its key is done, and names the row that superseded it.
        // A claim walks the waiting rows only, in the order it hands them out, and stops at the first it may take.
        """
        ALTER TABLE inbox ADD COLUMN superseded_by bigint;
        CREATE INDEX inbox_waiting ON inbox (priority DESC, id) WHERE status IN ('pending', 'claimed');
        """,

        // 3: the slots in which each installation (lower-cased owner) may create content, one budget for
        // every replica; slots older than an hour are pruned as new ones are taken.
        """
        CREATE TABLE content_slots (
            id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            installation text NOT NULL,
            slot_at timestamptz NOT NULL
        );
        CREATE INDEX content_slots_by_installation ON content_slots (installation, slot_at);
        """,

        // 4: every step of a delivery (pending, claimed, done) rewrote an entry in each index holding its status,
        // and a claim walked those entries, dead versions included, for every candidate: 5 ms a claim at 200
        // deliveries a second. Claims and coalescing look at waiting rows only, so they get indexes of waiting rows
        // alone; pruning and the failed list get one of finished rows.
        """
        DROP INDEX inbox_by_priority;
        DROP INDEX inbox_by_key;
        CREATE INDEX inbox_waiting_by_key ON inbox (incident_key, id) WHERE status IN ('pending', 'claimed');
        CREATE INDEX inbox_finished ON inbox (status, finished_at) WHERE status IN ('done', 'failed');
        """,

        // 5: what each repository's settings were last read from, so a restart or another replica reuses a recent read.
        """
        CREATE TABLE settings_snapshots (
            repo_id text PRIMARY KEY,
            read_at timestamptz NOT NULL,
            snapshot_json text NOT NULL
        );
        """,
    ];
}
