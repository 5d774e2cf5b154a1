namespace Keel.Gigzilla.Tests.App;

public sealed class CommandTests : IDisposable
{
    private readonly TestWorkspace workspace = new();

    [Fact]
    public void Add_saves_the_project_and_prints_what_it_understood()
    {
        var (exitCode, output, error) = workspace.Run("add", "Logo for Acme Corp, €1,500, 2 weeks");

        exitCode.ShouldBe(0, error);
        output.ShouldStartWith("Created: Logo for Acme Corp · €1,500 · Due Feb 15");
        workspace.Run("projects").Out.ShouldContain("Acme Corp");
    }

    [Fact]
    public void Add_recognises_stored_clients_anywhere_in_the_line()
    {
        workspace.Run("add", "Logo for Acme Corp, 500");

        workspace.Run("add", "acme corp brochure 800").Out.ShouldStartWith("Created: brochure for Acme Corp · €800");
        workspace.Run("clients").Out.Split("Acme Corp").Length.ShouldBe(2);
    }

    [Fact]
    public void Add_with_a_dash_adds_one_project_per_line_of_standard_input()
    {
        var (exitCode, output, _) = workspace.RunWithInput("Logo for Acme Corp, 500\n\nSite for Vela Yoga, $900\n", "add", "-");

        exitCode.ShouldBe(0);
        output.Split('\n').Count(line => line.StartsWith("Created: ", StringComparison.Ordinal)).ShouldBe(2);
    }

    [Fact]
    public void The_whole_flow_from_quick_entry_to_paid()
    {
        workspace.Run("add", "Logo for Acme Corp, €1,500, 2 weeks");
        workspace.Run("done", "logo").Out.ShouldContain("Logo (Acme Corp) is now done");
        workspace.Run("invoice", "create", "logo").Out.ShouldContain("for Logo (Acme Corp) · €1,500");
        workspace.Run("invoice", "send", "logo").Out.ShouldStartWith("Sent INV-2026-001 · €1,500 · due Feb 15");
        workspace.Run("pipeline").Out.ShouldContain("invoiced");

        workspace.Run("pay", "INV-2026-001", "500", "--date", "2026-02-01").Out.ShouldContain("Recorded €500 on INV-2026-001 · €1,000 still due");
        workspace.Run("dashboard").Out.ShouldContain("Unpaid: €1,000");
        workspace.Run("pay", "inv-2026-001", "1,000").Out.ShouldContain("paid in full; Logo is paid");

        var dashboard = workspace.Run("dashboard").Out;
        dashboard.ShouldContain("Unpaid: nothing");
        dashboard.ShouldContain("Income this month: €1,500");
        workspace.Run("invoice", "list").Out.ShouldContain("paid");
    }

    [Fact]
    public void The_pipeline_has_a_column_per_stage()
    {
        workspace.Run("add", "Logo for Acme Corp, 500");
        workspace.Run("add", "Site for Acme Corp, 900");
        workspace.Run("start", "site");

        var output = workspace.Run("pipeline").Out;

        output.ShouldContain("to_start (1)");
        output.ShouldContain("working (1)");
        output.ShouldContain("done (0)");
        output.ShouldContain("paid (0)");
    }

    [Fact]
    public void The_dashboard_lists_overdue_invoices_and_this_weeks_deadlines()
    {
        workspace.Run("add", "Logo for Acme Corp, 500");
        workspace.Run("invoice", "create", "Logo");
        workspace.Run("invoice", "send", "Logo");
        workspace.SetToday(new DateOnly(2026, 2, 20));
        workspace.Run("add", "Poster for Vela Yoga, $300, tomorrow");

        var output = workspace.Run("dashboard").Out;

        output.ShouldContain("Overdue invoices (1)");
        output.ShouldContain("INV-2026-001 Logo (Acme Corp) · €500 due · 5 days late");
        output.ShouldContain("Poster (Vela Yoga) · Sat Feb 21");
        output.ShouldContain("Unpaid: €500");
    }

    [Fact]
    public void An_ambiguous_reference_is_one_line_listing_the_candidates()
    {
        workspace.Run("add", "Blog post for Vela Yoga, 200");
        workspace.Run("add", "Blog banner for Vela Yoga, 150");

        var (exitCode, output, error) = workspace.Run("done", "blog");

        exitCode.ShouldBe(1);
        output.ShouldBeEmpty();
        error.ShouldStartWith("gigzilla: 'blog' matches 2 projects: ");
        error.TrimEnd().Split('\n').Length.ShouldBe(1);
    }

    [Theory]
    [InlineData("add")]
    [InlineData("add", "€500")]
    [InlineData("done")]
    [InlineData("done", "nothing")]
    [InlineData("start", "nothing")]
    [InlineData("invoice")]
    [InlineData("invoice", "frobnicate")]
    [InlineData("invoice", "create", "nothing")]
    [InlineData("invoice", "send")]
    [InlineData("invoice", "send", "INV-2026-404")]
    [InlineData("invoice", "create", "Logo", "--vat", "lots")]
    [InlineData("invoice", "line", "Logo", "Extra", "1")]
    [InlineData("invoice", "credit", "Logo", "--reason", "Oops")]
    [InlineData("invoice", "show", "INV-2026-404")]
    [InlineData("pay", "INV-2026-404", "100")]
    [InlineData("pay", "Logo", "-100")]
    [InlineData("pay", "Logo", "lots")]
    [InlineData("pay", "Logo")]
    [InlineData("pay", "Logo", "100", "--date", "yesterday")]
    [InlineData("projects", "--status", "invoiced")]
    [InlineData("projects", "--verbose")]
    [InlineData("dashboard", "extra")]
    [InlineData("--data")]
    public void Bad_input_is_one_clear_line_on_stderr_with_a_non_zero_exit(params string[] args)
    {
        workspace.Run("add", "Logo for Acme Corp, 500");

        var (exitCode, output, error) = workspace.Run(args);

        exitCode.ShouldNotBe(0);
        output.ShouldBeEmpty();
        error.ShouldStartWith("gigzilla: ");
        error.TrimEnd().Split('\n').Length.ShouldBe(1);
    }

    [Theory]
    [InlineData("add")]
    [InlineData("parse")]
    [InlineData("dashboard")]
    [InlineData("pipeline")]
    [InlineData("projects")]
    [InlineData("clients")]
    [InlineData("start")]
    [InlineData("done")]
    [InlineData("invoice")]
    [InlineData("pay")]
    [InlineData("export")]
    [InlineData("import")]
    [InlineData("backup")]
    [InlineData("restore")]
    [InlineData("settings")]
    public void Every_command_has_help(string command)
    {
        var (exitCode, output, _) = workspace.Run(command, "--help");

        exitCode.ShouldBe(0);
        output.ShouldStartWith($"Usage: gigzilla {command}");
        Directory.Exists(workspace.Directory).ShouldBeFalse();
    }

    [Fact]
    public void The_data_option_chooses_the_store_folder()
    {
        var elsewhere = Path.Combine(workspace.Directory, "elsewhere");

        workspace.Run("--data", elsewhere, "add", "Logo for Acme Corp, 500").ExitCode.ShouldBe(0);

        File.Exists(Path.Combine(elsewhere, "gigzilla.db")).ShouldBeTrue();
        workspace.Run("--data=" + elsewhere, "projects").Out.ShouldContain("Logo");
    }

    [Fact]
    public void The_usage_lists_every_command()
    {
        var output = workspace.Run("--help").Out;

        foreach (var command in new[] { "add", "parse", "dashboard", "pipeline", "projects", "clients", "start", "done", "invoice", "pay", "export", "import", "backup", "restore", "settings" })
        {
            output.ShouldContain($"  {command} ");
        }
    }

    [Fact]
    public void Invoice_show_prints_lines_vat_credit_notes_and_what_is_still_due()
    {
        workspace.Run("add", "Website for Helix Bio, €2,000");
        workspace.Run("invoice", "create", "website", "--vat", "19");
        workspace.Run("invoice", "line", "website", "Hosting setup", "3", "80.50").Out.ShouldContain("now €2,667.39");
        workspace.Run("invoice", "send", "website");
        workspace.Run("invoice", "credit", "INV-2026-001", "--reason", "Hosting dropped", "--amount", "287.38").Out
            .ShouldContain("Issued credit note INV-2026-002 for €287.38 on INV-2026-001 · €2,380.01 still due");

        var output = workspace.Run("invoice", "show", "INV-2026-001").Out;

        output.ShouldContain("Hosting setup");
        output.ShouldContain("VAT 19 % on €2,241.50: €425.89");
        output.ShouldContain("Total: €2,667.39");
        output.ShouldContain("Credit note INV-2026-002 (2026-02-01): -€287.38 · Hosting dropped");
        output.ShouldContain("Still due: €2,380.01");
    }

    [Fact]
    public void A_reverse_charge_invoice_shows_the_note()
    {
        workspace.Run("add", "Audit for Zeta Labs, €500");
        workspace.Run("invoice", "create", "audit", "--reverse-charge");

        workspace.Run("invoice", "show", "audit").Out.ShouldContain("Reverse charge: VAT to be accounted for by the recipient");
    }

    public void Dispose() => workspace.Dispose();
}
