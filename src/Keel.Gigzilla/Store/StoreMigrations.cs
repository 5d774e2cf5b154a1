namespace Keel.Gigzilla.Store;

/// <summary>
/// The schema, as ordered migrations recorded in <c>schema_version</c>. Each runs in its own transaction with
/// its version row, so a store is always at exactly one version. Append new migrations; never edit an applied one.
/// </summary>
internal static class StoreMigrations
{
    public static readonly IReadOnlyList<(int Version, string Sql)> All =
    [
        (1, """
            CREATE TABLE clients (
                id TEXT PRIMARY KEY,
                name TEXT NOT NULL,
                email TEXT,
                phone TEXT,
                address TEXT,
                website TEXT,
                notes TEXT,
                reminder_strategy TEXT NOT NULL DEFAULT 'standard'
                    CHECK (reminder_strategy IN ('standard', 'gentle', 'aggressive', 'minimal', 'none')),
                created_at TEXT NOT NULL,
                updated_at TEXT NOT NULL
            );
            CREATE UNIQUE INDEX clients_by_name ON clients (name COLLATE NOCASE);

            CREATE TABLE projects (
                id TEXT PRIMARY KEY,
                client_id TEXT REFERENCES clients (id),
                title TEXT NOT NULL,
                amount TEXT,
                currency TEXT NOT NULL,
                status TEXT NOT NULL CHECK (status IN ('to_start', 'working', 'done', 'paid')),
                deadline TEXT,
                platform TEXT NOT NULL DEFAULT 'direct' CHECK (platform IN ('direct', 'upwork', 'fiverr', 'other')),
                notes TEXT,
                created_at TEXT NOT NULL,
                updated_at TEXT NOT NULL
            );
            CREATE INDEX projects_by_status_and_deadline ON projects (status, deadline);
            CREATE INDEX projects_by_client ON projects (client_id);

            CREATE TABLE invoices (
                id TEXT PRIMARY KEY,
                number TEXT UNIQUE,
                project_id TEXT NOT NULL REFERENCES projects (id),
                client_id TEXT REFERENCES clients (id),
                amount TEXT NOT NULL,
                paid_amount TEXT NOT NULL DEFAULT '0',
                currency TEXT NOT NULL,
                status TEXT NOT NULL CHECK (status IN ('draft', 'sent', 'partial', 'paid', 'cancelled')),
                created_date TEXT NOT NULL,
                sent_date TEXT,
                due_date TEXT,
                paid_date TEXT,
                notes TEXT
            );
            CREATE INDEX invoices_by_status_and_due_date ON invoices (status, due_date);
            CREATE INDEX invoices_by_project ON invoices (project_id);
            CREATE INDEX invoices_by_client ON invoices (client_id);

            -- The last number given per period (the year, or 0 when numbering never resets): numbers are never reused.
            CREATE TABLE invoice_number_counters (
                period INTEGER PRIMARY KEY,
                last_number INTEGER NOT NULL
            );

            CREATE TABLE payments (
                id TEXT PRIMARY KEY,
                invoice_id TEXT NOT NULL REFERENCES invoices (id),
                amount TEXT NOT NULL,
                currency TEXT NOT NULL,
                method TEXT NOT NULL CHECK (method IN ('paypal', 'stripe', 'bank_transfer', 'cash', 'other')),
                transaction_id TEXT,
                received_date TEXT NOT NULL,
                auto_detected INTEGER NOT NULL DEFAULT 0,
                notes TEXT
            );
            CREATE INDEX payments_by_received_date ON payments (received_date);
            CREATE INDEX payments_by_invoice ON payments (invoice_id);

            CREATE TABLE reminders (
                id TEXT PRIMARY KEY,
                invoice_id TEXT NOT NULL REFERENCES invoices (id),
                template_type TEXT NOT NULL CHECK (template_type IN ('gentle', 'dueToday', 'overdue', 'finalNotice')),
                scheduled_date TEXT NOT NULL,
                sent_date TEXT,
                status TEXT NOT NULL CHECK (status IN ('scheduled', 'sent', 'cancelled')),
                cancel_reason TEXT,
                channels TEXT NOT NULL DEFAULT 'email'
            );
            CREATE INDEX reminders_by_invoice ON reminders (invoice_id);

            -- Profile and settings are one JSON document each, in seed 001's shape.
            CREATE TABLE profile (id INTEGER PRIMARY KEY CHECK (id = 1), json TEXT NOT NULL);
            CREATE TABLE settings (id INTEGER PRIMARY KEY CHECK (id = 1), json TEXT NOT NULL);

            -- A sent invoice is a legal document: it is corrected by a credit note, never edited or deleted.
            CREATE TRIGGER invoices_locked_once_sent
            BEFORE UPDATE OF number, project_id, client_id, amount, currency, created_date, sent_date, due_date ON invoices
            WHEN OLD.status <> 'draft'
            BEGIN
                SELECT RAISE(ABORT, 'a sent invoice is locked; correct it with a credit note');
            END;
            CREATE TRIGGER numbered_invoices_are_kept
            BEFORE DELETE ON invoices
            WHEN OLD.number IS NOT NULL
            BEGIN
                SELECT RAISE(ABORT, 'a numbered invoice is never deleted');
            END;
            """),
        (2, """
            -- Line items with VAT, reverse charge, and credit notes that correct a sent invoice.
            CREATE TABLE invoice_lines (
                id TEXT PRIMARY KEY,
                invoice_id TEXT NOT NULL REFERENCES invoices (id),
                position INTEGER NOT NULL,
                description TEXT NOT NULL,
                quantity TEXT NOT NULL,
                unit_price TEXT NOT NULL,
                vat_rate TEXT NOT NULL,
                UNIQUE (invoice_id, position)
            );
            INSERT INTO invoice_lines (id, invoice_id, position, description, quantity, unit_price, vat_rate)
            SELECT lower(hex(randomblob(16))), i.id, 1, p.title, '1', i.amount, '0'
            FROM invoices i JOIN projects p ON p.id = i.project_id;

            ALTER TABLE invoices ADD COLUMN net_amount TEXT NOT NULL DEFAULT '0';
            ALTER TABLE invoices ADD COLUMN vat_amount TEXT NOT NULL DEFAULT '0';
            ALTER TABLE invoices ADD COLUMN reverse_charge INTEGER NOT NULL DEFAULT 0;
            ALTER TABLE invoices ADD COLUMN credited_amount TEXT NOT NULL DEFAULT '0';
            UPDATE invoices SET net_amount = amount;

            CREATE TABLE credit_notes (
                id TEXT PRIMARY KEY,
                number TEXT NOT NULL UNIQUE,
                invoice_id TEXT NOT NULL REFERENCES invoices (id),
                amount TEXT NOT NULL,
                currency TEXT NOT NULL,
                reason TEXT NOT NULL,
                issued_date TEXT NOT NULL
            );
            CREATE INDEX credit_notes_by_invoice ON credit_notes (invoice_id);

            DROP TRIGGER invoices_locked_once_sent;
            CREATE TRIGGER invoices_locked_once_sent
            BEFORE UPDATE OF number, project_id, client_id, amount, net_amount, vat_amount, reverse_charge, currency,
                             created_date, sent_date, due_date ON invoices
            WHEN OLD.status <> 'draft'
            BEGIN
                SELECT RAISE(ABORT, 'a sent invoice is locked; correct it with a credit note');
            END;
            CREATE TRIGGER invoice_lines_locked_once_sent_on_insert
            BEFORE INSERT ON invoice_lines
            WHEN (SELECT status FROM invoices WHERE id = NEW.invoice_id) <> 'draft'
            BEGIN
                SELECT RAISE(ABORT, 'a sent invoice is locked; correct it with a credit note');
            END;
            CREATE TRIGGER invoice_lines_locked_once_sent_on_update
            BEFORE UPDATE ON invoice_lines
            WHEN (SELECT status FROM invoices WHERE id = OLD.invoice_id) <> 'draft'
            BEGIN
                SELECT RAISE(ABORT, 'a sent invoice is locked; correct it with a credit note');
            END;
            CREATE TRIGGER invoice_lines_locked_once_sent_on_delete
            BEFORE DELETE ON invoice_lines
            WHEN (SELECT status FROM invoices WHERE id = OLD.invoice_id) <> 'draft'
            BEGIN
                SELECT RAISE(ABORT, 'a sent invoice is locked; correct it with a credit note');
            END;
            CREATE TRIGGER credit_notes_are_kept
            BEFORE DELETE ON credit_notes
            BEGIN
                SELECT RAISE(ABORT, 'a credit note is never deleted');
            END;
            """),
        (3, """
            -- The dashboard reads open work only: partial indexes keep it from walking the paid history.
            CREATE INDEX invoices_open_by_due_date ON invoices (due_date, number) WHERE status IN ('sent', 'partial');
            CREATE INDEX projects_open_by_deadline ON projects (deadline, title) WHERE status IN ('to_start', 'working');
            """),
        (4, """
            -- The automation engine: invoices waiting to go out after a project is done, reminder levels, the mail
            -- outbox (messages survive restarts until delivered) and when each periodic task last ran.
            CREATE TABLE auto_invoices (
                project_id TEXT PRIMARY KEY REFERENCES projects (id),
                due_at TEXT NOT NULL,
                status TEXT NOT NULL CHECK (status IN ('scheduled', 'sent', 'cancelled', 'failed')),
                invoice_id TEXT REFERENCES invoices (id),
                note TEXT,
                created_at TEXT NOT NULL,
                updated_at TEXT NOT NULL
            );
            CREATE INDEX auto_invoices_scheduled_by_due_at ON auto_invoices (due_at) WHERE status = 'scheduled';

            -- The level in the client's reminder strategy; NULL for a reminder sent by hand. Each level goes once.
            ALTER TABLE reminders ADD COLUMN level INTEGER;
            CREATE UNIQUE INDEX reminders_once_per_level ON reminders (invoice_id, level);

            ALTER TABLE clients ADD COLUMN country_code TEXT;
            ALTER TABLE clients ADD COLUMN vat_id TEXT;

            CREATE TABLE outbox (
                id TEXT PRIMARY KEY,
                invoice_id TEXT REFERENCES invoices (id),
                purpose TEXT NOT NULL CHECK (purpose IN ('invoice', 'reminder')),
                to_address TEXT NOT NULL,
                subject TEXT NOT NULL,
                body TEXT NOT NULL,
                status TEXT NOT NULL CHECK (status IN ('queued', 'sent', 'cancelled')),
                attempts INTEGER NOT NULL DEFAULT 0,
                next_attempt_at TEXT NOT NULL,
                claimed_until TEXT,
                last_error TEXT,
                delivered_as TEXT,
                created_at TEXT NOT NULL,
                sent_at TEXT
            );
            CREATE INDEX outbox_queued_by_next_attempt ON outbox (next_attempt_at) WHERE status = 'queued';
            CREATE TABLE outbox_attachments (
                message_id TEXT NOT NULL REFERENCES outbox (id),
                position INTEGER NOT NULL,
                file_name TEXT NOT NULL,
                content_type TEXT NOT NULL,
                content BLOB NOT NULL,
                PRIMARY KEY (message_id, position)
            );

            CREATE TABLE automation_runs (task TEXT PRIMARY KEY, last_run_at TEXT NOT NULL);
            """),
    ];

    public static int CurrentVersion => All[^1].Version;

    public static void Apply(GigzillaStore store)
    {
        store.Write<int>(() =>
        {
            store.Execute("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL)");
            return 0;
        });
        var applied = Convert.ToInt32(store.Scalar("SELECT COALESCE(MAX(version), 0) FROM schema_version"), System.Globalization.CultureInfo.InvariantCulture);
        if (applied > CurrentVersion)
        {
            throw new InvalidOperationException(
                $"The store at {store.DatabasePath} has schema version {applied}, newer than this gigzilla understands ({CurrentVersion}); update gigzilla.");
        }

        foreach (var (version, sql) in All.Where(migration => migration.Version > applied))
        {
            store.Write<int>(() =>
            {
                store.Execute(sql);
                store.Execute("INSERT INTO schema_version (version, applied_at) VALUES ($version, $at)", ("$version", version), ("$at", store.Timestamp()));
                return version;
            });
        }
    }
}
