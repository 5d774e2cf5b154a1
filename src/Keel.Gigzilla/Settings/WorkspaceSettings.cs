namespace Keel.Gigzilla.Settings;

/// <summary>The user's settings, with seed 001's defaults; stored as one JSON document with these camelCase names.</summary>
internal sealed record WorkspaceSettings
{
    public string Currency { get; init; } = "EUR";

    public string InvoiceNumberFormat { get; init; } = "INV-{YYYY}-{###}";

    public int InvoiceStartNumber { get; init; } = 1;

    public bool InvoiceResetYearly { get; init; } = true;

    public bool AutoInvoiceEnabled { get; init; } = true;

    /// <summary>Days after a project is marked done before its invoice goes out.</summary>
    public int AutoInvoiceDelay { get; init; }

    public string DefaultInvoiceTemplate { get; init; } = "friendly";

    public int InvoiceDueDays { get; init; } = 14;

    public bool ReminderEnabled { get; init; } = true;

    /// <summary>Days relative to the due date: positive before, negative after.</summary>
    public IReadOnlyList<int> ReminderSchedule { get; init; } = [3, 0, -3, -7];

    public string DefaultReminderStrategy { get; init; } = "standard";

    public bool PaymentDetectionEnabled { get; init; } = true;

    /// <summary>Minutes between payment checks.</summary>
    public int PaymentCheckInterval { get; init; } = 15;

    /// <summary>Event type → channels.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Notifications { get; init; } = new Dictionary<string, IReadOnlyList<string>>
    {
        ["paymentReceived"] = ["desktop", "whatsapp"],
        ["invoiceSent"] = ["desktop"],
        ["paymentOverdue"] = ["desktop", "email"],
        ["projectDeadline"] = ["desktop"],
        ["reminderSent"] = [],
    };

    public bool QuietHoursEnabled { get; init; } = true;

    public string QuietHoursStart { get; init; } = "22:00";

    public string QuietHoursEnd { get; init; } = "08:00";

    public bool BackupEnabled { get; init; } = true;

    public string BackupFrequency { get; init; } = "daily";

    public string BackupTime { get; init; } = "03:00";

    public int BackupKeepCount { get; init; } = 30;

    /// <summary>The SMTP server that sends invoices and reminders; empty writes each message as an .eml file instead.</summary>
    public string SmtpHost { get; init; } = "";

    public int SmtpPort { get; init; } = 587;

    public string SmtpUsername { get; init; } = "";

    /// <summary>Sealed with this installation's key (<see cref="Mail.SecretSeal"/>); never shown or logged.</summary>
    public string SmtpPassword { get; init; } = "";

    /// <summary><c>auto</c>, <c>starttls</c>, <c>tls</c> (implicit, port 465) or <c>none</c>.</summary>
    public string SmtpSecurity { get; init; } = "auto";

    /// <summary>The e-invoice attached to invoice mail: <c>cii</c> (Factur-X/ZUGFeRD) or <c>ubl</c> (XRechnung).</summary>
    public string EInvoiceFormat { get; init; } = "cii";
}
